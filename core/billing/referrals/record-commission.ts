import { Prisma } from "../../../generated/prisma/client.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { defaultReferralSettings, type ReferralSettings } from "./referral-settings.ts";

/** Either the client or a transaction of the caller's (the Plisio callback records it with the payment). */
export type Db = DbClient | Prisma.TransactionClient;

export interface CommissionRow {
  id: string;
  referrerId: string;
  amountUsd: string;
  status: "pending" | "approved" | "cancelled" | "paid";
  approvesAt: Date;
}

const PAID = ["completed", "mismatch"] as const;

/** Signup plus `months` calendar months (UTC), the end of the window in which payments earn a commission. */
export function commissionWindowEnd(signupAt: Date, months: number): Date {
  const end = new Date(signupAt);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/**
 * The referrer's pending commission on a completed payment of a user they referred, at most one per payment
 * (unique paymentId; calling it again returns the first). Null when nothing is owed: the payment is not completed,
 * the payer has no referrer, or the payment came after the window. The amount is computed from our own
 * Payment.amountUsd (the plan's price), never from what the callback reported.
 */
export async function recordCommission(
  input: { paymentId: string },
  deps: { db: Db; clock: Clock; settings?: ReferralSettings },
): Promise<CommissionRow | null> {
  const { db, clock } = deps;
  const settings = deps.settings ?? defaultReferralSettings;
  const payment = await db.payment.findUnique({
    where: { id: input.paymentId },
    select: { status: true, amountUsd: true, user: { select: { id: true, createdAt: true, referredById: true } } },
  });
  if (!payment || !(PAID as readonly string[]).includes(payment.status)) return null;
  const referrerId = payment.user.referredById;
  if (!referrerId || referrerId === payment.user.id) return null;
  const now = clock.now();
  if (now >= commissionWindowEnd(payment.user.createdAt, settings.months)) return null;
  const amountUsd = new Prisma.Decimal(payment.amountUsd).mul(settings.commissionPerc).div(100);
  if (amountUsd.lte(0)) return null;
  // skipDuplicates (ON CONFLICT DO NOTHING) rather than catching P2002: a unique violation would abort the
  // caller's transaction on Postgres.
  await db.commission.createMany({
    data: [
      {
        referrerId,
        paymentId: input.paymentId,
        amountUsd,
        approvesAt: new Date(now.getTime() + settings.holdDays * 86_400_000),
      },
    ],
    skipDuplicates: true,
  });
  const row = await db.commission.findUniqueOrThrow({ where: { paymentId: input.paymentId } });
  return { ...row, amountUsd: row.amountUsd.toString() };
}
