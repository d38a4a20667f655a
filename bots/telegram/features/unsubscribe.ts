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
      await ctx.reply(ctx.t("unsubscribe-none"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const s of subs) {
      keyboard
        .text(
          ctx.t("unsubscribe-button", { strategy: s.strategy.name, account: accountName(s.account) }),
          `uns:${s.id}`,
        )
        .row();
    }
    await ctx.reply(ctx.t("unsubscribe-ask"), { reply_markup: keyboard });
  });
  dm.callbackQuery(/^uns:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await unsubscribe({ userId: ctx.userId, subscriptionId: ctx.match[1] ?? "" }, ctx.deps);
    await ctx.editMessageText(ctx.t("unsubscribe-done"));
  });
  return composer;
}
