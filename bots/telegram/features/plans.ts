import { Composer, InlineKeyboard } from "grammy";
import { buyPlan } from "../../../core/billing/plisio/buy-plan.ts";
import { plansOnSale } from "../../../core/billing/plisio/plans-on-sale.ts";
import { buyButtonLabel, invoiceText, plansText } from "../../shared/wording/plans-text.ts";
import type { BotContext } from "../bot-context.ts";

/** callback_data of a plan's "Buy" button: "pb:<plan id>" (39 of Telegram's 64 bytes). */
export const buyData = (planId: string) => `pb:${planId}`;
const BUY_DATA = /^pb:([0-9a-f-]{36})$/;

/**
 * /plans lists the plans on sale with what they include, a "Buy" button each when Plisio is configured; a press
 * creates the invoice (core/billing/plisio/buy-plan.ts) and answers with its link. Errors (Plisio down, a plan
 * withdrawn) reach the chat through the reply-errors middleware, in words the wording gives them.
 */
export function plansFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("plans", async (ctx) => {
    const plans = await plansOnSale(ctx.deps);
    const user = await ctx.deps.db.user.findUnique({
      where: { id: ctx.userId },
      select: { planActiveUntil: true, plan: { select: { name: true } } },
    });
    const now = ctx.deps.clock.now();
    const current =
      user?.plan && user.planActiveUntil && user.planActiveUntil > now
        ? { plan: user.plan.name, until: user.planActiveUntil }
        : null;
    const paymentsOn = !!ctx.deps.payments;
    const keyboard = new InlineKeyboard();
    if (paymentsOn) for (const p of plans) keyboard.text(buyButtonLabel(p, ctx.t), buyData(p.id)).row();
    await ctx.reply(plansText(plans, current, paymentsOn, ctx.t), {
      reply_markup: paymentsOn && plans.length ? keyboard : undefined,
    });
  });

  composer.callbackQuery(BUY_DATA, async (ctx) => {
    const [, planId = ""] = ctx.match;
    await ctx.answerCallbackQuery();
    const invoice = await buyPlan({ userId: ctx.userId, planId }, ctx.deps);
    ctx.log.info({ planId, paymentId: invoice.paymentId }, "plan invoice");
    await ctx.reply(invoiceText(invoice, ctx.t), { link_preview_options: { is_disabled: true } });
  });
  return composer;
}
