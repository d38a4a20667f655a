import { Composer, InlineKeyboard } from "grammy";
import {
  getNotificationPreferences,
  setNotificationPreferences,
} from "../../../core/accounts/notification-preferences.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { listSubscriptions } from "../../../core/subscriptions/list-subscriptions.ts";
import { settingSchemas } from "../../../core/subscriptions/subscription-settings.ts";
import { updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import { dcaButtonLabel } from "../../shared/dca-and-split-choice.ts";
import { subscriptionSummary } from "../../shared/wording/subscription-summary.ts";
import type { T } from "../../shared/wording/translator.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";
import { dcaCallback, dcaSettingFeature } from "./dca-setting.ts";
import { takeProfitSplitSettingFeature } from "./take-profit-split-setting.ts";
import { trailingSettingFeature } from "./trailing-setting.ts";

const ID = "([0-9a-f-]{36})";
type Mode = "risk" | "fixed" | "multiplier";
// Wording keys of the question for each value.
const ASK = {
  tpPerc: "settings-ask-take-profit",
  slPerc: "settings-ask-stop-loss",
  maxOpenPositions: "settings-ask-max-positions",
  maxSlippagePerc: "settings-ask-slippage",
  sizing: { risk: "settings-ask-risk", fixed: "settings-ask-fixed", multiplier: "settings-ask-multiplier" },
} as const;
const OFF_WORDS = ["off", "none", "no"];
// The subscription column each typed setting goes to; "off" clears it.
const COLUMN = {
  tpPerc: "tpPercOverride",
  slPerc: "slPercOverride",
  maxOpenPositions: "maxOpenPositions",
  maxSlippagePerc: "maxSlippagePerc",
} as const;

/** "off" and its kin, in English and in the sender's language ("settings-off-words"). */
const isOff = (t: T, text: string) => {
  const word = text.trim().toLowerCase();
  return [...OFF_WORDS, ...t("settings-off-words").split(",")].some((w) => w.trim().toLowerCase() === word);
};

/**
 * /settings: per subscription pause/resume, sizing, TP/SL override, max open positions, the entries' slippage cap
 * (the trailing stop, DCA switch and take-profit split live in their own files); the notification opt-ins, and where notifications go for someone on both apps
 * (core/accounts/notification-preferences.ts).
 */
export function settingsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(trailingSettingFeature(), dcaSettingFeature(), takeProfitSplitSettingFeature());
  const dm = composer.chatType("private");

  const showList = async (ctx: BotContext) => {
    const subs = await listSubscriptions({ userId: ctx.userId }, ctx.deps);
    const prefs = await getNotificationPreferences({ userId: ctx.userId }, ctx.deps);
    const keyboard = new InlineKeyboard();
    for (const s of subs) {
      const label = ctx.t("settings-subscription-button", {
        strategy: s.strategy.name,
        account: accountName(s.account),
        status: ctx.t("common-status", { status: s.status }),
      });
      keyboard.text(label, `set:${s.id}`).row();
    }
    const on = (value: boolean) => (value ? "yes" : "no");
    keyboard.text(ctx.t("settings-signal-alerts-button", { on: on(prefs.notifySignals) }), "set:n:signals").row();
    keyboard.text(ctx.t("settings-daily-button", { on: on(prefs.notifyDaily) }), "set:n:daily");
    // Only someone on both apps has a choice of where notifications go; the button moves them to the other one.
    const other = prefs.available.find((app) => app !== prefs.via);
    if (prefs.available.length > 1 && other) {
      keyboard.row().text(ctx.t("settings-notify-via-button", { via: prefs.via }), `set:n:via:${other}`);
    }
    await ctx.reply(ctx.t(subs.length ? "settings-choose" : "settings-none"), { reply_markup: keyboard });
  };
  const showOne = async (ctx: BotContext, id: string) => {
    const [s] = await listSubscriptions({ userId: ctx.userId, subscriptionId: id }, ctx.deps);
    if (!s) {
      throw new AppError("NOT_FOUND", "that subscription does not exist any more", {
        details: { wording: "settings-gone" },
      });
    }
    const keyboard = new InlineKeyboard()
      .text(
        ctx.t(s.status === "active" ? "settings-pause" : "settings-resume"),
        `set:${s.status === "active" ? "pause" : "resume"}:${s.id}`,
      )
      .row()
      .text(ctx.t("settings-sizing"), `set:sz:${s.id}`)
      .text(ctx.t("settings-take-profit"), `set:tp:${s.id}`)
      .text(ctx.t("settings-stop-loss"), `set:sl:${s.id}`)
      .row()
      .text(ctx.t("settings-max-positions"), `set:mp:${s.id}`)
      .text(ctx.t("settings-slippage"), `set:sc:${s.id}`)
      .row()
      .text(ctx.t("settings-trailing"), `set:tr:${s.id}`)
      .text(dcaButtonLabel(s.dcaEnabled, ctx.t), dcaCallback(!s.dcaEnabled, s.id))
      .row()
      .text(ctx.t("settings-split"), `set:ts:${s.id}`);
    await ctx.editMessageText(subscriptionSummary(s, ctx.t), { reply_markup: keyboard });
  };

  dm.command("settings", (ctx) => {
    endFlow(ctx);
    return showList(ctx);
  });
  dm.callbackQuery(/^set:n:(signals|daily)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const field = ctx.match[1] === "signals" ? "notifySignals" : "notifyDaily";
    const prefs = await getNotificationPreferences({ userId: ctx.userId }, ctx.deps);
    const changed = await setNotificationPreferences({ userId: ctx.userId, [field]: !prefs[field] }, ctx.deps);
    const key = field === "notifySignals" ? "settings-signal-alerts-turned" : "settings-daily-turned";
    await ctx.editMessageText(ctx.t(key, { on: changed[field] ? "yes" : "no" }));
  });
  dm.callbackQuery(/^set:n:via:(telegram|discord)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const via = ctx.match[1] === "discord" ? "discord" : "telegram";
    const changed = await setNotificationPreferences({ userId: ctx.userId, via }, ctx.deps);
    await ctx.editMessageText(ctx.t("settings-notify-via-turned", { via: changed.via }));
  });
  dm.callbackQuery(new RegExp(`^set:${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showOne(ctx, ctx.match[1] ?? "");
  });
  dm.callbackQuery(new RegExp(`^set:(pause|resume):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = ctx.match[2] ?? "";
    await updateSubscription(
      { userId: ctx.userId, subscriptionId: id, change: { status: ctx.match[1] === "pause" ? "paused" : "active" } },
      ctx.deps,
    );
    await showOne(ctx, id);
  });
  dm.callbackQuery(new RegExp(`^set:sz:${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const id = ctx.match[1] ?? "";
    const keyboard = new InlineKeyboard()
      .text(ctx.t("settings-size-risk"), `set:szm:risk:${id}`)
      .row()
      .text(ctx.t("settings-size-fixed"), `set:szm:fixed:${id}`)
      .row()
      .text(ctx.t("settings-size-multiplier"), `set:szm:multiplier:${id}`);
    await ctx.editMessageText(ctx.t("settings-size-by"), { reply_markup: keyboard });
  });
  dm.callbackQuery(new RegExp(`^set:szm:(risk|fixed|multiplier):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const mode = ctx.match[1] as Mode;
    startFlow(ctx, { kind: "setting", subscriptionId: ctx.match[2] ?? "", field: "sizing", mode });
    await ctx.editMessageText(ctx.t(ASK.sizing[mode]));
  });
  dm.callbackQuery(new RegExp(`^set:(tp|sl|mp|sc):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const fields = { tp: "tpPerc", sl: "slPerc", mp: "maxOpenPositions", sc: "maxSlippagePerc" } as const;
    const field = fields[ctx.match[1] as keyof typeof fields];
    startFlow(ctx, { kind: "setting", subscriptionId: ctx.match[2] ?? "", field });
    await ctx.editMessageText(ctx.t(ASK[field]));
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    // The take-profit split is typed too, but answered by take-profit-split-setting.ts.
    if (flow?.kind !== "setting" || flow.field === "takeProfitSplit" || ctx.msg.text.startsWith("/")) return next();
    const text = ctx.msg.text.trim();
    const off = isOff(ctx.t, text);
    const change = ((): Record<string, unknown> | string => {
      if (flow.field === "sizing") {
        const p = settingSchemas.sizing.safeParse({ mode: flow.mode, value: text });
        return p.success
          ? { sizing: { mode: p.data.mode, value: dec(p.data.value) } }
          : (p.error.issues[0]?.message ?? "");
      }
      if (off) return { [COLUMN[flow.field]]: null };
      if (flow.field === "maxOpenPositions") {
        const p = settingSchemas.maxOpenPositions.safeParse(text);
        return p.success ? { maxOpenPositions: p.data } : (p.error.issues[0]?.message ?? "");
      }
      const p = settingSchemas[flow.field].safeParse(text);
      return p.success ? { [COLUMN[flow.field]]: dec(p.data) } : (p.error.issues[0]?.message ?? "");
    })();
    if (typeof change === "string") {
      const ask = ctx.t(flow.field === "sizing" ? ASK.sizing[flow.mode ?? "risk"] : ASK[flow.field]);
      await ctx.reply(ctx.t("settings-invalid", { problem: change || ctx.t("settings-problem-invalid"), ask }));
      return;
    }
    endFlow(ctx);
    await updateSubscription({ userId: ctx.userId, subscriptionId: flow.subscriptionId, change }, ctx.deps);
    const [s] = await listSubscriptions({ userId: ctx.userId, subscriptionId: flow.subscriptionId }, ctx.deps);
    await ctx.reply(`${ctx.t("settings-saved")}\n${s ? subscriptionSummary(s, ctx.t) : ""}`);
  });
  return composer;
}
