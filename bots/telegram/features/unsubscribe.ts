import { Composer, InlineKeyboard } from "grammy";
import { listSubscriptions } from "../../../core/subscriptions/list-subscriptions.ts";
import { unsubscribe } from "../../../core/subscriptions/unsubscribe.ts";
import type { BotContext } from "../bot-context.ts";
import { accountName } from "../format.ts";

export function unsubscribeFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");
  dm.command("unsubscribe", async (ctx) => {
    const subs = await listSubscriptions({ userId: ctx.userId }, ctx.deps);
    if (subs.length === 0) {
      await ctx.reply("You are not subscribed to anything. /subscribe to follow a strategy.");
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const s of subs) keyboard.text(`${s.strategy.name} on ${accountName(s.account)}`, `uns:${s.id}`).row();
    await ctx.reply("Stop following which one? Open positions stay open.", { reply_markup: keyboard });
  });
  dm.callbackQuery(/^uns:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await unsubscribe({ userId: ctx.userId, subscriptionId: ctx.match[1] ?? "" }, ctx.deps);
    await ctx.editMessageText("Unsubscribed. New signals from that strategy will not be copied.");
  });
  return composer;
}
