import { Composer } from "grammy";
import { type BotContext, endFlow } from "../bot-context.ts";

const CANCEL_WORDS = new Set(["cancel", "/cancel", "stop", "abort"]);

/**
 * `/cancel`, or the word "cancel", ends whatever the user was asked for (a /panic code, a key, a setting). It is
 * never taken as an answer: a wrong TOTP code counts against the user, "cancel" does not.
 */
export function cancelFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");
  const cancel = async (ctx: BotContext) => {
    const flow = ctx.session.flow;
    endFlow(ctx);
    await ctx.reply(
      flow?.kind === "panic"
        ? "Panic cancelled. Nothing was closed."
        : flow
          ? "Cancelled."
          : "There is nothing to cancel.",
    );
  };
  dm.command("cancel", cancel);
  dm.on("message:text", async (ctx, next) => {
    if (!ctx.session.flow || !CANCEL_WORDS.has(ctx.msg.text.trim().toLowerCase())) return next();
    await cancel(ctx);
  });
  return composer;
}
