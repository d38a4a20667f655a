import { Composer, InlineKeyboard } from "grammy";
import { updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import { dcaButtonLabel, dcaSummary } from "../../shared/dca-and-split-choice.ts";
import type { BotContext } from "../bot-context.ts";

const ID = "([0-9a-f-]{36})";

/** The callback data of the DCA button: it carries the value a tap sets, not "flip". */
export const dcaCallback = (turnOn: boolean, subscriptionId: string) =>
  `set:dca:${turnOn ? "on" : "off"}:${subscriptionId}`;

/**
 * /settings → a subscription → "DCA: on/off": whether the signal's DCA (safety) orders are placed for this
 * follower. The button sets the value it was drawn for, so a second tap on an old message does not undo the first.
 * Saves at once; the answer offers the switch again and Back.
 */
export function dcaSettingFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.callbackQuery(new RegExp(`^set:dca:(on|off):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const on = ctx.match[1] === "on";
    const id = ctx.match[2] ?? "";
    await updateSubscription({ userId: ctx.userId, subscriptionId: id, change: { dcaEnabled: on } }, ctx.deps);
    const keyboard = new InlineKeyboard()
      .text(dcaButtonLabel(on, ctx.t), dcaCallback(!on, id))
      .text(ctx.t("settings-back"), `set:${id}`);
    await ctx.editMessageText(`${ctx.t("settings-saved")}\n${dcaSummary(on, ctx.t)}`, { reply_markup: keyboard });
  });
  return composer;
}
