import { Composer } from "grammy";
import { type BotContext, endFlow } from "../bot-context.ts";

const CANCEL_WORDS = ["cancel", "/cancel", "stop", "abort"];

/** The cancel words in English and in the sender's language ("cancel-words"). */
const isCancelWord = (ctx: BotContext, text: string) => {
  const word = text.trim().toLowerCase();
  if (CANCEL_WORDS.includes(word)) return true;
  return ctx
    .t("cancel-words")
    .split(",")
    .some((w) => w.trim().toLowerCase() === word);
};

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
    await ctx.reply(ctx.t(flow?.kind === "panic" ? "cancel-panic" : flow ? "cancel-done" : "cancel-nothing"));
  };
  dm.command("cancel", cancel);
  dm.on("message:text", async (ctx, next) => {
    if (!ctx.session.flow || !isCancelWord(ctx, ctx.msg.text)) return next();
    await cancel(ctx);
  });
  return composer;
}
