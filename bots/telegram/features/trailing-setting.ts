import { Composer, InlineKeyboard } from "grammy";
import { updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import {
  isTrailingButton,
  TRAILING_BUTTONS,
  trailingButtonLabel,
  trailingChange,
  trailingSummary,
} from "../../shared/trailing-choice.ts";
import type { BotContext } from "../bot-context.ts";

const ID = "([0-9a-f-]{36})";

/**
 * /settings → a subscription → Trailing stop: the signal's, off, or a mode of the follower's own, tapped (a percent
 * trail from the presets). Saves at once and goes back to the subscription's settings.
 */
export function trailingSettingFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.callbackQuery(new RegExp(`^set:tr:${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = ctx.match[1] ?? "";
    const keyboard = new InlineKeyboard();
    for (const [i, b] of TRAILING_BUTTONS.entries()) {
      keyboard.text(trailingButtonLabel(b, ctx.t), `set:trm:${b}:${id}`);
      if (i % 2 === 1) keyboard.row();
    }
    await ctx.editMessageText(ctx.t("settings-trailing-choose"), { reply_markup: keyboard });
  });
  dm.callbackQuery(new RegExp(`^set:trm:([a-z_0-9.]+):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const choice = ctx.match[1];
    const id = ctx.match[2] ?? "";
    if (!isTrailingButton(choice)) return;
    const trailing = trailingChange(choice);
    await updateSubscription({ userId: ctx.userId, subscriptionId: id, change: { trailing } }, ctx.deps);
    const back = new InlineKeyboard()
      .text(ctx.t("settings-trailing"), `set:tr:${id}`)
      .text(ctx.t("settings-back"), `set:${id}`);
    await ctx.editMessageText(`${ctx.t("settings-saved")}\n${trailingSummary(trailing, ctx.t)}`, {
      reply_markup: back,
    });
  });
  return composer;
}
