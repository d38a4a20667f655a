import type { Logger } from "pino";
import type { PaymentStatus, Prisma } from "../../../generated/prisma/client.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { dec } from "../../platform/decimal.ts";
import { AppError } from "../../platform/errors.ts";
import { extendPlan } from "../extend-plan.ts";
import { recordCommission } from "../referrals/record-commission.ts";
import type { ReferralSettings } from "../referrals/referral-settings.ts";
import { queuePaymentNotice } from "./payment-notice.ts";
import { paymentStatusOf, plisioCallbackSchema } from "./plisio-callback.ts";
import { verifyPlisioSignature } from "./plisio-signature.ts";

export interface PlisioCallbackDeps {
  db: DbClient;
  clock: Clock;
  logger: Logger;
  /** PLISIO_SECRET_KEY; unset, no callback can be verified. */
  secretKey?: string;
  referrals?: ReferralSettings;
}

export type CallbackOutcome = "applied" | "recorded" | "duplicate" | "ignored";

/**
 * Plisio's callback for one of our invoices: verified, matched to its order, then applied once per (order,
 * status). A paid invoice (completed, or mismatch: overpaid) extends the plan, tells the follower and records the
 * referrer's commission, in one transaction with the event that makes a redelivery change nothing; expired and
 * cancelled close the payment; new and pending are recorded only. `fields` is the parsed JSON body, in the order
 * it arrived (the signature depends on it).
 */
export async function applyPlisioCallback(
  fields: Record<string, unknown>,
  deps: PlisioCallbackDeps,
): Promise<{ outcome: CallbackOutcome; paymentId?: string }> {
  if (!deps.secretKey) throw new AppError("CONFIG_INVALID", "payments are not configured (PLISIO_SECRET_KEY)");
  const parsed = plisioCallbackSchema.safeParse(fields);
  // What may be logged of a callback: never the hash, the wallet or the whole body.
  const seen = parsed.success ? { orderNumber: parsed.data.order_number, status: parsed.data.status } : {};
  const log = deps.logger.child(seen);
  if (!verifyPlisioSignature(fields, deps.secretKey)) {
    log.warn("plisio callback: verify_hash does not match, refused");
    throw new AppError("UNAUTHORIZED", "verify_hash: does not match");
  }
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "body: not a Plisio invoice callback", { details: { field: "order_number" } });
  }
  const cb = parsed.data;
  const payment = await deps.db.payment.findUnique({ where: { orderNumber: cb.order_number } });
  if (!payment) {
    log.warn("plisio callback: unknown order");
    throw new AppError("NOT_FOUND", `order ${cb.order_number}: unknown`);
  }
  // A signed callback for another amount or currency than the order's is not this order's, whatever it says.
  const sameAmount = cb.source_amount !== undefined && safeEq(cb.source_amount, payment.amountUsd.toString());
  if (cb.source_currency?.toUpperCase() !== "USD" || !sameAmount) {
    log.warn(
      { sourceCurrency: cb.source_currency, sourceAmount: cb.source_amount },
      "plisio callback: not the order's price",
    );
    throw new AppError("BAD_REQUEST", "source_amount: does not match the order", {
      details: { field: "source_amount" },
    });
  }
  const status = paymentStatusOf(cb.status);
  if (!status) {
    log.info("plisio callback: status not acted on");
    return { outcome: "ignored", paymentId: payment.id };
  }
  const { verify_hash: _hash, ...payload } = fields;
  const now = deps.clock.now();
  const outcome = await deps.db.$transaction(async (tx) => {
    // The event is the claim: ON CONFLICT DO NOTHING (a unique violation would abort the transaction).
    const claimed = await tx.paymentEvent.createMany({
      data: [{ paymentId: payment.id, status, payload: payload as Prisma.InputJsonObject }],
      skipDuplicates: true,
    });
    if (claimed.count === 0) return "duplicate" as const;
    const received = { receivedAmount: cb.amount ?? null, receivedCurrency: cb.currency ?? null };
    const txn = cb.txn_id ? { plisioTxnId: cb.txn_id } : {};
    if (status === "completed" || status === "mismatch") {
      // completed and mismatch are two events of one payment: whichever comes first applies it.
      const applied = await tx.payment.updateMany({
        where: { id: payment.id, appliedAt: null },
        data: { status, appliedAt: now, ...received, ...txn },
      });
      if (applied.count === 0) return "recorded" as const;
      await extendPlan(
        { userId: payment.userId, planId: payment.planId, from: "payment", actor: `plisio:${payment.orderNumber}` },
        { db: tx, clock: deps.clock },
      );
      await recordCommission({ paymentId: payment.id }, { db: tx, clock: deps.clock, settings: deps.referrals });
      await queuePaymentNotice(tx, { userId: payment.userId, paymentId: payment.id, outcome: "completed" }, now);
      return "applied" as const;
    }
    // Statuses only move forward (callbacks may arrive out of order), and never undo a payment that was applied
    // (a late "expired" after "completed").
    const closing = status === "expired" || status === "cancelled";
    const movesFrom: PaymentStatus[] = closing ? ["new", "pending"] : status === "pending" ? ["new"] : [];
    const moved = await tx.payment.updateMany({
      where: { id: payment.id, appliedAt: null, status: { in: movesFrom } },
      data: { status, ...(closing ? received : {}), ...txn },
    });
    if (moved.count > 0 && status === "expired") {
      await queuePaymentNotice(tx, { userId: payment.userId, paymentId: payment.id, outcome: "expired" }, now);
    }
    return "recorded" as const;
  });
  log.info({ outcome, paymentId: payment.id }, "plisio callback");
  return { outcome, paymentId: payment.id };
}

function safeEq(a: string, b: string): boolean {
  try {
    return dec(a).eq(dec(b));
  } catch {
    return false;
  }
}
