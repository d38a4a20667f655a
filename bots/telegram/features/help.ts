import { Composer } from "grammy";
import { commandList, helpText } from "../../shared/wording/commands.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { BotContext } from "../bot-context.ts";

/** The Telegram command menu (setMyCommands) in one language. */
export const telegramCommands = (t: T) => commandList(t);

export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", (ctx) => ctx.reply(helpText(ctx.t)));
  return composer;
}
