import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { REACHABLE } from "../../notifications/queue-notifications.ts";
import type { DbClient } from "../../platform/db-client.ts";

/** What a follower is told about their payment (outbox kind "payment"), as the bots render it. */
export interface PaymentMessage {
  kind: "payment";
  /** completed: the plan is active until `activeUntil`; expired: the invoice closed unpaid or underpaid. */
  outcome: "completed" | "expired";
  plan: string;
  /** Decimal string: the price in USD the invoice asked for. */
  amountUsd: string;
  activeUntil: Date | null;
  /** What Plisio saw arrive, in its currency, for an underpaid invoice; null when nothing did. */
  received: { amount: string; currency: string } | null;
}

const payload = z.object({ paymentId: z.string(), outcome: z.enum(["completed", "expired"]) });

/**
 * Writes the payment's outbox row in the callback's transaction, once per (payment, outcome). Users no chat
 * reaches get none, as for every notice; the outbox sweep queues the row.
 */
export async function queuePaymentNotice(
  tx: Prisma.TransactionClient,
  notice: { userId: string; paymentId: string; outcome: "completed" | "expired" },
  now: Date,
): Promise<void> {
  const dedupeKey = `payment:${notice.paymentId}:${notice.outcome}`;
  const body = JSON.stringify({ paymentId: notice.paymentId, outcome: notice.outcome });
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, u."id", 'payment', ${dedupeKey}, ${body}::jsonb, ${now}
    FROM "User" u
    WHERE u."id" = ${notice.userId} AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/** The message of a "payment" row, with the plan's end as it is when sent; null when the payment is gone. */
export async function paymentMessage(raw: unknown, deps: { db: DbClient }): Promise<PaymentMessage | null> {
  const { paymentId, outcome } = payload.parse(raw);
  const p = await deps.db.payment.findUnique({
    where: { id: paymentId },
    select: {
      amountUsd: true,
      receivedAmount: true,
      receivedCurrency: true,
      plan: { select: { name: true } },
      user: { select: { planActiveUntil: true } },
    },
  });
  if (!p) return null;
  const received =
    p.receivedAmount && p.receivedCurrency && Number(p.receivedAmount) > 0
      ? { amount: p.receivedAmount, currency: p.receivedCurrency }
      : null;
  return {
    kind: "payment",
    outcome,
    plan: p.plan.name,
    amountUsd: p.amountUsd.toFixed(2),
    activeUntil: outcome === "completed" ? p.user.planActiveUntil : null,
    received,
  };
}
