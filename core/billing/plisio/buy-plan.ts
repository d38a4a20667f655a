import { randomInt } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { dec } from "../../platform/decimal.ts";
import { AppError, isAppError } from "../../platform/errors.ts";
import type { PlisioClient } from "./plisio-client.ts";

/** What buying needs besides the database; null or absent when PLISIO_SECRET_KEY is unset. */
export interface PaymentsConfig {
  plisio: PlisioClient;
  /** PUBLIC_URL: Plisio calls {publicUrl}/webhooks/plisio?json=true. */
  publicUrl: string;
  /** PLISIO_EXPIRE_MIN. */
  expireMin: number;
}

export interface BoughtInvoice {
  paymentId: string;
  orderNumber: string;
  plan: string;
  /** Decimal string with 2 decimals. */
  amountUsd: string;
  invoiceUrl: string;
}

// An invoice this close to its expiry is not handed out again: the follower would not have time to pay it.
const REUSE_MARGIN_MS = 10 * 60_000;

/**
 * A Plisio invoice for one of the active plans, at the plan's price. The Payment row (order, plan, user, amount)
 * is written before the request leaves, so a callback can never come for an order we do not know; a follower
 * who presses "Buy" twice gets the same open invoice back.
 */
export async function buyPlan(
  input: { userId: string; planId: string },
  deps: { db: DbClient; clock: Clock; logger: Logger; payments?: PaymentsConfig | null },
): Promise<BoughtInvoice> {
  const { db, payments } = deps;
  if (!payments) {
    throw new AppError("BAD_REQUEST", "payments are not configured", { details: { wording: "plans-payments-off" } });
  }
  const plan = await db.plan.findUnique({ where: { id: input.planId } });
  if (!plan?.active) throw new AppError("NOT_FOUND", "plan: not on sale", { details: { wording: "plans-gone" } });
  const now = deps.clock.now();
  const open = await db.payment.findFirst({
    where: {
      userId: input.userId,
      planId: plan.id,
      status: { in: ["new", "pending"] },
      invoiceUrl: { not: null },
      amountUsd: plan.priceUsd,
      createdAt: { gt: new Date(now.getTime() - payments.expireMin * 60_000 + REUSE_MARGIN_MS) },
    },
    orderBy: { createdAt: "desc" },
  });
  const view = (p: { id: string; orderNumber: string; invoiceUrl: string }) => ({
    paymentId: p.id,
    orderNumber: p.orderNumber,
    plan: plan.name,
    amountUsd: dec(plan.priceUsd).toFixed(2),
    invoiceUrl: p.invoiceUrl,
  });
  if (open?.invoiceUrl) return view({ ...open, invoiceUrl: open.invoiceUrl });

  const payment = await db.payment.create({
    data: { orderNumber: orderNumber(now), userId: input.userId, planId: plan.id, amountUsd: plan.priceUsd },
  });
  try {
    const invoice = await payments.plisio.createInvoice({
      orderNumber: payment.orderNumber,
      orderName: `Mimic ${plan.name} (${plan.periodDays} days)`,
      amountUsd: dec(plan.priceUsd).toFixed(),
      callbackUrl: `${payments.publicUrl.replace(/\/+$/, "")}/webhooks/plisio?json=true`,
      expireMin: payments.expireMin,
    });
    await db.payment.update({
      where: { id: payment.id },
      data: { plisioTxnId: invoice.txnId, invoiceUrl: invoice.invoiceUrl },
    });
    deps.logger.info({ paymentId: payment.id, orderNumber: payment.orderNumber, planId: plan.id }, "invoice created");
    return view({ ...payment, invoiceUrl: invoice.invoiceUrl });
  } catch (err) {
    // No invoice: the order is closed so nothing waits on it.
    await db.payment.update({ where: { id: payment.id }, data: { status: "cancelled" } });
    throw isAppError(err) ? err : new AppError("INTERNAL", "plisio: invoice failed", { cause: err });
  }
}

/** Ours and unique (the column is): digits only, which every Plisio integration accepts, time-ordered. */
function orderNumber(now: Date): string {
  return `${now.getTime()}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}
