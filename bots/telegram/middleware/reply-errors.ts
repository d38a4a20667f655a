import type { NextFunction } from "grammy";
import { toAppError } from "../../../core/platform/errors.ts";
import { wording } from "../../shared/wording/translator.ts";
import type { BotContext } from "../bot-context.ts";
import { errorReply } from "../reply-error.ts";

/** Errors become a chat reply at the edge; unexpected ones are logged with the update. */
export async function replyErrors(ctx: BotContext, next: NextFunction): Promise<void> {
  try {
    await next();
  } catch (err) {
    await replyError(ctx, err);
  }
}

/** Logs an error and tells the user what happened, in their words; never throws. */
export async function replyError(ctx: BotContext, err: unknown): Promise<void> {
  const e = toAppError(err);
  if (e.code === "INTERNAL") ctx.log.error({ err: e.message }, "update failed");
  else ctx.log.info({ code: e.code }, "update refused");
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  // ctx.t is there from the i18n middleware on; the shared translator covers anything earlier.
  const t = typeof ctx.t === "function" ? ctx.t : wording().forLocale(ctx.from?.language_code);
  if (ctx.chat) await ctx.reply(errorReply(e, t)).catch(() => undefined);
}
