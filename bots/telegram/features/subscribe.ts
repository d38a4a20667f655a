import { Composer, InlineKeyboard } from "grammy";
import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import { assertPlanCovers } from "../../../core/billing/plan-coverage.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { listStrategies } from "../../../core/strategies/list-strategies.ts";
import { followStrategy } from "../../../core/subscriptions/follow-strategy.ts";
import { settingSchemas } from "../../../core/subscriptions/subscription-settings.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";

type Mode = "risk" | "fixed" | "multiplier";
// Wording keys of each sizing mode: its name, and the question for its value.
const MODES: Record<Mode, { label: string; ask: string }> = {
  risk: { label: "subscribe-mode-risk", ask: "subscribe-ask-risk" },
  fixed: { label: "subscribe-mode-fixed", ask: "subscribe-ask-fixed" },
  multiplier: { label: "subscribe-mode-multiplier", ask: "subscribe-ask-multiplier" },
};
const LEVERAGE = [1, 3, 5, 10, 20];

/** /subscribe: strategy, account, sizing mode and value, leverage cap; each choice from a keyboard where it can be. */
export function subscribeFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("subscribe", startSubscribe);

  dm.callbackQuery(/^sub:st:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe") return expired(ctx);
    // A premium strategy without a plan is refused now (the error handler words it), not after the whole flow.
    await assertPlanCovers({ userId: ctx.userId, strategyId: ctx.match[1] as string }, ctx.deps);
    const accounts = (await listAccounts({ userId: ctx.userId }, ctx.deps)).filter((a) => a.status === "active");
    const keyboard = new InlineKeyboard();
    for (const a of accounts) keyboard.text(accountName(a), `sub:ac:${a.id}`).row();
    startFlow(ctx, { ...flow, step: "account", strategyId: ctx.match[1] });
    await ctx.editMessageText(ctx.t("subscribe-ask-account"), { reply_markup: keyboard });
  });

  dm.callbackQuery(/^sub:ac:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe" || !flow.strategyId) return expired(ctx);
    const keyboard = new InlineKeyboard();
    for (const [mode, m] of Object.entries(MODES)) keyboard.text(ctx.t(m.label), `sub:mode:${mode}`).row();
    startFlow(ctx, { ...flow, step: "mode", accountId: ctx.match[1] });
    await ctx.editMessageText(ctx.t("subscribe-ask-mode"), { reply_markup: keyboard });
  });

  dm.callbackQuery(/^sub:mode:(risk|fixed|multiplier)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe" || !flow.accountId) return expired(ctx);
    const mode = ctx.match[1] as Mode;
    startFlow(ctx, { ...flow, step: "value", mode });
    await ctx.editMessageText(ctx.t("subscribe-sizing-chosen", { mode: ctx.t(MODES[mode].label) }));
    await ctx.reply(ctx.t(MODES[mode].ask));
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe" || flow.step !== "value" || !flow.mode || ctx.msg.text.startsWith("/"))
      return next();
    const parsed = settingSchemas.sizing.safeParse({ mode: flow.mode, value: ctx.msg.text });
    if (!parsed.success) {
      const problem = parsed.error.issues[0]?.message ?? ctx.t("subscribe-problem-invalid");
      await ctx.reply(ctx.t("subscribe-invalid-value", { problem, ask: ctx.t(MODES[flow.mode].ask) }));
      return;
    }
    startFlow(ctx, { ...flow, step: "leverage", value: parsed.data.value });
    const keyboard = new InlineKeyboard();
    for (const l of LEVERAGE) keyboard.text(ctx.t("subscribe-leverage", { leverage: String(l) }), `sub:lev:${l}`);
    keyboard.row().text(ctx.t("subscribe-no-leverage-cap"), "sub:lev:none");
    await ctx.reply(ctx.t("subscribe-ask-leverage"), { reply_markup: keyboard });
  });

  dm.callbackQuery(/^sub:lev:(\d+|none)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (
      flow?.kind !== "subscribe" ||
      flow.step !== "leverage" ||
      !flow.strategyId ||
      !flow.accountId ||
      !flow.mode ||
      !flow.value
    ) {
      return expired(ctx);
    }
    const maxLeverage = ctx.match[1] === "none" ? undefined : settingSchemas.maxLeverage.parse(ctx.match[1]);
    endFlow(ctx);
    const sub = await followStrategy(
      {
        userId: ctx.userId,
        accountId: flow.accountId,
        strategy: flow.strategyId,
        sizing: { mode: flow.mode, value: dec(flow.value) },
        maxLeverage,
      },
      ctx.deps,
    );
    ctx.log.info({ subscriptionId: sub.id }, "subscribed");
    await ctx.editMessageText(
      ctx.t("subscribe-done", {
        value: flow.value,
        mode: ctx.t(MODES[flow.mode].label),
        leverage: maxLeverage ? ctx.t("subscribe-leverage", { leverage: String(maxLeverage) }) : ctx.t("common-none"),
      }),
    );
  });
  return composer;
}

/** /subscribe's first question; also where /subscribe goes on once the terms are accepted (features/terms.ts). */
export async function startSubscribe(ctx: BotContext): Promise<void> {
  endFlow(ctx);
  const accounts = await listAccounts({ userId: ctx.userId }, ctx.deps);
  if (!accounts.some((a) => a.status === "active")) {
    await ctx.reply(ctx.t("subscribe-link-first"));
    return;
  }
  const strategies = await listStrategies({ db: ctx.deps.db, now: ctx.deps.clock.now() });
  if (strategies.length === 0) {
    await ctx.reply(ctx.t("subscribe-no-strategies"));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const s of strategies) {
    keyboard.text(ctx.t("subscribe-strategy-button", { name: s.name, followers: s.followers }), `sub:st:${s.id}`);
    keyboard.row();
  }
  startFlow(ctx, { kind: "subscribe", step: "strategy" });
  await ctx.reply(ctx.t("subscribe-ask-strategy"), { reply_markup: keyboard });
}

async function expired(ctx: BotContext) {
  await ctx.editMessageText(ctx.t("subscribe-expired")).catch(() => undefined);
}
