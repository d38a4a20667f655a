import { Composer } from "grammy";
import type { BotContext } from "../bot-context.ts";

/** Last in the chain: anything no feature took gets told what would work. */
export function unknownInputFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:text", async (ctx) => {
    if (ctx.msg.text.startsWith("/")) {
      const command = ctx.msg.text.slice(1).split(/[\s@]/)[0] ?? "";
      await ctx.reply(ctx.t("common-unknown-command", { command }));
    } else if (ctx.chat.type === "private") {
      await ctx.reply(ctx.t("common-unexpected-message"));
    }
  });
  composer.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("common-menu-expired") }));
  return composer;
}
