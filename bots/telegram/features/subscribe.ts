import { Composer, InlineKeyboard } from "grammy";
import { listAccounts } from "../../../core/accounts/list-accounts.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { listStrategies } from "../../../core/strategies/list-strategies.ts";
import { followStrategy } from "../../../core/subscriptions/follow-strategy.ts";
import { settingSchemas } from "../../../core/subscriptions/subscription-settings.ts";
import { type BotContext, endFlow, startFlow } from "../bot-context.ts";
import { accountName } from "../format.ts";

const MODES = {
  risk: {
    label: "% of free balance as margin",
    ask: "What percent of the free balance should each trade use as margin? (e.g. 2)",
  },
  fixed: { label: "fixed USDT per trade", ask: "How many USDT should each trade be worth? (e.g. 250)" },
  multiplier: { label: "multiple of the signal's size", ask: "Which multiple of the signal's quantity? (e.g. 0.5)" },
} as const;
const LEVERAGE = [1, 3, 5, 10, 20];

/** /subscribe: strategy, account, sizing mode and value, leverage cap; each choice from a keyboard where it can be. */
export function subscribeFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");

  dm.command("subscribe", async (ctx) => {
    endFlow(ctx);
    const accounts = await listAccounts({ userId: ctx.userId }, ctx.deps);
    if (!accounts.some((a) => a.status === "active")) {
      await ctx.reply("Link an account first: send /link (a paper account works for trying it out).");
      return;
    }
    const strategies = await listStrategies({ db: ctx.deps.db, now: ctx.deps.clock.now() });
    if (strategies.length === 0) {
      await ctx.reply("There are no strategies to follow yet.");
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const s of strategies) keyboard.text(`${s.name} (${s.followers})`, `sub:st:${s.id}`).row();
    startFlow(ctx, { kind: "subscribe", step: "strategy" });
    await ctx.reply("Which strategy do you want to follow?", { reply_markup: keyboard });
  });

  dm.callbackQuery(/^sub:st:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe") return expired(ctx);
    const accounts = (await listAccounts({ userId: ctx.userId }, ctx.deps)).filter((a) => a.status === "active");
    const keyboard = new InlineKeyboard();
    for (const a of accounts) keyboard.text(accountName(a), `sub:ac:${a.id}`).row();
    startFlow(ctx, { ...flow, step: "account", strategyId: ctx.match[1] });
    await ctx.editMessageText("With which account?", { reply_markup: keyboard });
  });

  dm.callbackQuery(/^sub:ac:([0-9a-f-]{36})$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe" || !flow.strategyId) return expired(ctx);
    const keyboard = new InlineKeyboard();
    for (const [mode, m] of Object.entries(MODES)) keyboard.text(m.label, `sub:mode:${mode}`).row();
    startFlow(ctx, { ...flow, step: "mode", accountId: ctx.match[1] });
    await ctx.editMessageText("How should each trade be sized?", { reply_markup: keyboard });
  });

  dm.callbackQuery(/^sub:mode:(risk|fixed|multiplier)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe" || !flow.accountId) return expired(ctx);
    const mode = ctx.match[1] as keyof typeof MODES;
    startFlow(ctx, { ...flow, step: "value", mode });
    await ctx.editMessageText(`Sizing: ${MODES[mode].label}.`);
    await ctx.reply(MODES[mode].ask);
  });

  dm.on("message:text", async (ctx, next) => {
    const flow = ctx.session.flow;
    if (flow?.kind !== "subscribe" || flow.step !== "value" || !flow.mode || ctx.msg.text.startsWith("/"))
      return next();
    const parsed = settingSchemas.sizing.safeParse({ mode: flow.mode, value: ctx.msg.text });
    if (!parsed.success) {
      await ctx.reply(`That value ${parsed.error.issues[0]?.message ?? "is not valid"}. ${MODES[flow.mode].ask}`);
      return;
    }
    startFlow(ctx, { ...flow, step: "leverage", value: parsed.data.value });
    const keyboard = new InlineKeyboard();
    for (const l of LEVERAGE) keyboard.text(`${l}x`, `sub:lev:${l}`);
    keyboard.row().text("No cap (use the signal's)", "sub:lev:none");
    await ctx.reply("Cap the leverage at:", { reply_markup: keyboard });
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
      `Subscribed. Sizing: ${flow.value} (${MODES[flow.mode].label}), leverage cap: ${maxLeverage ? `${maxLeverage}x` : "none"}.\nYou will get a message for every trade. Change it any time with /settings.`,
    );
  });
  return composer;
}

async function expired(ctx: BotContext) {
  await ctx.editMessageText("This menu has expired. Send /subscribe to start again.").catch(() => undefined);
}
