import { Composer, InlineKeyboard } from "grammy";
import { dec } from "../../../core/platform/decimal.ts";
import { AppError } from "../../../core/platform/errors.ts";
import { listSubscriptions, type SubscriptionView } from "../../../core/subscriptions/list-subscriptions.ts";
import { settingSchemas } from "../../../core/subscriptions/subscription-settings.ts";
import { updateSubscription } from "../../../core/subscriptions/update-subscription.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";

const ID = "([0-9a-f-]{36})";
const ASK = {
  tpPerc: 'Send the take-profit distance in percent (e.g. 2), or "off" to use the signal\'s.',
  slPerc: 'Send the stop-loss distance in percent (e.g. 1), or "off" to use the signal\'s.',
  maxOpenPositions: 'Send the most positions this subscription may hold at once (e.g. 3), or "off" for no limit.',
  sizing: {
    risk: "Send the percent of free balance to use as margin per trade (e.g. 2).",
    fixed: "Send the USDT value of each trade (e.g. 250).",
    multiplier: "Send the multiple of the signal's quantity (e.g. 0.5).",
  },
} as const;

function describe(s: SubscriptionView): string {
  const sizing = { risk: "% of free balance", fixed: "USDT per trade", multiplier: "x signal size" }[s.sizingMode];
  return [
    `${s.strategy.name} on ${accountName(s.account)}: ${s.status}`,
    `Sizing: ${s.sizingValue?.toString() ?? "signal's risk"} ${sizing}`,
    `Leverage cap: ${s.maxLeverage ? `${s.maxLeverage}x` : "none"}`,
    `Take profit: ${s.tpPercOverride ? `${s.tpPercOverride}%` : "signal's"}, stop loss: ${s.slPercOverride ? `${s.slPercOverride}%` : "signal's"}`,
    `Max open positions: ${s.maxOpenPositions ?? "no limit"}`,
  ].join("\n");
}

/** /settings: per subscription pause/resume, sizing, TP/SL override, max open positions; and notification opt-ins. */
export function settingsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  const showList = async (ctx: BotContext) => {
    const subs = await listSubscriptions({ userId: ctx.userId }, ctx.deps);
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: ctx.userId } });
    const keyboard = new InlineKeyboard();
    for (const s of subs)
      keyboard.text(`${s.strategy.name} on ${accountName(s.account)} (${s.status})`, `set:${s.id}`).row();
    keyboard.text(`Signal alerts: ${user.notifySignals ? "on" : "off"}`, "set:n:signals").row();
    keyboard.text(`Daily summary: ${user.notifyDaily ? "on" : "off"}`, "set:n:daily");
    const head = subs.length ? "Choose a subscription to change:" : "No subscriptions yet (/subscribe). Notifications:";
    await ctx.reply(head, { reply_markup: keyboard });
  };
  const showOne = async (ctx: BotContext, id: string) => {
    const [s] = await listSubscriptions({ userId: ctx.userId, subscriptionId: id }, ctx.deps);
    if (!s) throw new AppError("NOT_FOUND", "that subscription does not exist any more");
    const keyboard = new InlineKeyboard()
      .text(s.status === "active" ? "Pause" : "Resume", `set:${s.status === "active" ? "pause" : "resume"}:${s.id}`)
      .row()
      .text("Sizing", `set:sz:${s.id}`)
      .text("Take profit", `set:tp:${s.id}`)
      .text("Stop loss", `set:sl:${s.id}`)
      .row()
      .text("Max open positions", `set:mp:${s.id}`);
    await ctx.editMessageText(describe(s), { reply_markup: keyboard });
  };

  dm.command("settings", (ctx) => {
    endFlow(ctx);
    return showList(ctx);
  });
  dm.callbackQuery(/^set:n:(signals|daily)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const field = ctx.match[1] === "signals" ? "notifySignals" : "notifyDaily";
    const user = await ctx.deps.db.user.findUniqueOrThrow({ where: { id: ctx.userId } });
    await ctx.deps.db.user.update({ where: { id: ctx.userId }, data: { [field]: !user[field] } });
    await ctx.editMessageText(
      `${field === "notifySignals" ? "Signal alerts" : "Daily summary"} turned ${user[field] ? "off" : "on"}.`,
    );
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
      .text("% of free balance", `set:szm:risk:${id}`)
      .row()
      .text("fixed USDT", `set:szm:fixed:${id}`)
      .row()
      .text("multiple of signal", `set:szm:multiplier:${id}`);
    await ctx.editMessageText("Size each trade by:", { reply_markup: keyboard });
  });
  dm.callbackQuery(new RegExp(`^set:szm:(risk|fixed|multiplier):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const mode = ctx.match[1] as "risk" | "fixed" | "multiplier";
    startFlow(ctx, { kind: "setting", subscriptionId: ctx.match[2] ?? "", field: "sizing", mode });
    await ctx.editMessageText(ASK.sizing[mode]);
  });
  dm.callbackQuery(new RegExp(`^set:(tp|sl|mp):${ID}$`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const field = ({ tp: "tpPerc", sl: "slPerc", mp: "maxOpenPositions" } as const)[ctx.match[1] as "tp" | "sl" | "mp"];
    startFlow(ctx, { kind: "setting", subscriptionId: ctx.match[2] ?? "", field });
    await ctx.editMessageText(ASK[field]);
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "setting" || ctx.msg.text.startsWith("/")) return next();
    const text = ctx.msg.text.trim();
    const off = /^(off|none|no)$/i.test(text);
    const change = ((): Record<string, unknown> | string => {
      if (flow.field === "sizing") {
        const p = settingSchemas.sizing.safeParse({ mode: flow.mode, value: text });
        return p.success
          ? { sizing: { mode: p.data.mode, value: dec(p.data.value) } }
          : (p.error.issues[0]?.message ?? "");
      }
      if (off)
        return {
          [flow.field === "tpPerc"
            ? "tpPercOverride"
            : flow.field === "slPerc"
              ? "slPercOverride"
              : "maxOpenPositions"]: null,
        };
      if (flow.field === "maxOpenPositions") {
        const p = settingSchemas.maxOpenPositions.safeParse(text);
        return p.success ? { maxOpenPositions: p.data } : (p.error.issues[0]?.message ?? "");
      }
      const p = settingSchemas[flow.field].safeParse(text);
      return p.success
        ? { [flow.field === "tpPerc" ? "tpPercOverride" : "slPercOverride"]: dec(p.data) }
        : (p.error.issues[0]?.message ?? "");
    })();
    if (typeof change === "string") {
      const ask = flow.field === "sizing" ? ASK.sizing[flow.mode ?? "risk"] : ASK[flow.field];
      await ctx.reply(`That value ${change || "is not valid"}; nothing changed. ${ask}`);
      return;
    }
    endFlow(ctx);
    await updateSubscription({ userId: ctx.userId, subscriptionId: flow.subscriptionId, change }, ctx.deps);
    const [s] = await listSubscriptions({ userId: ctx.userId, subscriptionId: flow.subscriptionId }, ctx.deps);
    await ctx.reply(`Saved.\n${s ? describe(s) : ""}`);
  });
  return composer;
}
