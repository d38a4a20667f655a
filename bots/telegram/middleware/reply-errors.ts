import type { NextFunction } from "grammy";
import { toAppError } from "../../../core/platform/errors.ts";
import type { BotContext } from "../bot-context.ts";
import { errorReply } from "../reply-error.ts";

/** Errors become a chat reply at the edge; unexpected ones are logged with the update. */
export async function replyErrors(ctx: BotContext, next: NextFunction): Promise<void> {
  try {
    await next();
  } catch (err) {
    const e = toAppError(err);
    if (e.code === "INTERNAL") ctx.log.error({ err: e.message }, "update failed");
    else ctx.log.info({ code: e.code }, "update refused");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat) await ctx.reply(errorReply(e)).catch(() => undefined);
  }
}
