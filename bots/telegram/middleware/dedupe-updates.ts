import type { NextFunction } from "grammy";
import type { BotContext } from "../bot-context.ts";

/** Telegram redelivers an update it thinks was not taken; the first one to be recorded is the only one handled. */
export async function dedupeUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  const inserted = await ctx.deps.db.telegramUpdate.createMany({
    data: [{ updateId: BigInt(ctx.update.update_id) }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) {
    ctx.log.info("duplicate update dropped");
    return;
  }
  await next();
}
