import { Composer } from "grammy";
import type { BotContext } from "../bot-context.ts";

/** Last in the chain: anything no feature took gets told what would work. */
export function unknownInputFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:text", async (ctx) => {
    if (ctx.msg.text.startsWith("/")) {
      const name = ctx.msg.text.slice(1).split(/[\s@]/)[0];
      await ctx.reply(`I don't know /${name}. Send /help for the list of commands.`);
    } else if (ctx.chat.type === "private") {
      await ctx.reply("I wasn't expecting a message. Send /help for the list of commands.");
    }
  });
  composer.on("callback_query:data", (ctx) =>
    ctx.answerCallbackQuery({ text: "This menu has expired. Send the command again." }),
  );
  return composer;
}
