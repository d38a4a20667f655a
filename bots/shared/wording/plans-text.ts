import type { PaymentMessage } from "../../../core/billing/plisio/payment-notice.ts";
import type { PlanOnSale } from "../../../core/billing/plisio/plans-on-sale.ts";
import { utcMinute } from "./format.ts";
import type { T } from "./translator.ts";

// What both bots say about plans and payments: /plans, the invoice, and the payment notifications.

/** One plan: its price and period, then what it includes. */
export function planText(p: PlanOnSale, t: T): string {
  const head = t("plans-line", { name: p.name, price: p.priceUsd, days: p.periodDays });
  const includes =
    p.strategies === "all"
      ? t("plans-includes-all")
      : p.strategies.length
        ? t("plans-includes", { strategies: p.strategies.join(", ") })
        : t("plans-includes-none");
  const accounts = p.maxAccounts === null ? "" : `, ${t("plans-max-accounts", { count: p.maxAccounts })}`;
  return `${head}\n${includes}${accounts}`;
}

/** /plans: the user's current plan if any, every plan, and how to buy (or that payments are off). */
export function plansText(
  plans: PlanOnSale[],
  current: { plan: string; until: Date } | null,
  paymentsOn: boolean,
  t: T,
): string {
  if (!plans.length) return t("plans-empty");
  const parts = plans.map((p) => planText(p, t));
  if (current) parts.unshift(t("plans-current", { plan: current.plan, until: utcMinute(current.until) }));
  parts.push(paymentsOn ? t("plans-footer") : t("plans-payments-off"));
  return parts.join("\n\n");
}

export const buyButtonLabel = (p: PlanOnSale, t: T) => t("plans-buy-button", { name: p.name, price: p.priceUsd });

export const invoiceText = (i: { plan: string; amountUsd: string; invoiceUrl: string }, t: T) =>
  t("plans-invoice", { plan: i.plan, price: i.amountUsd, url: i.invoiceUrl });

/** A plan paid, or an invoice that expired unpaid or underpaid. */
export function paymentNoticeText(m: PaymentMessage, t: T): string {
  if (m.outcome === "completed") {
    return t("plans-paid", { plan: m.plan, until: m.activeUntil ? utcMinute(m.activeUntil) : "?" });
  }
  if (m.received) {
    return t("plans-expired-received", {
      plan: m.plan,
      price: m.amountUsd,
      received: m.received.amount,
      currency: m.received.currency,
    });
  }
  return t("plans-expired", { plan: m.plan, price: m.amountUsd });
}
