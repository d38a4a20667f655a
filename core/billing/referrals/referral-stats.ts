import { Prisma } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";

export interface ReferralStats {
  clicks: number;
  signups: number;
  /** Referred users with at least one copied trade (paper included). */
  copied: number;
  /** Referred users with at least one completed payment. */
  paying: number;
  commissions: { pendingUsd: string; approvedUsd: string; paidUsd: string };
  /** Approved and not yet in a payout: what /payout would ask for. */
  payableUsd: string;
}

/** What an influencer sees in /referral and the admin's follower view. */
export async function referralStats(
  input: { userId: string; inviteCode: string | null },
  deps: { db: DbClient },
): Promise<ReferralStats> {
  const { db } = deps;
  const referred = { referredById: input.userId };
  const [clicks, signups, copied, paying, sums, payable] = await Promise.all([
    input.inviteCode ? db.referralClick.count({ where: { code: input.inviteCode } }) : 0,
    db.user.count({ where: referred }),
    db.user.count({ where: { ...referred, accounts: { some: { trades: { some: {} } } } } }),
    db.user.count({ where: { ...referred, payments: { some: { status: { in: ["completed", "mismatch"] } } } } }),
    db.commission.groupBy({ by: ["status"], where: { referrerId: input.userId }, _sum: { amountUsd: true } }),
    db.commission.aggregate({
      where: { referrerId: input.userId, status: "approved", payoutId: null },
      _sum: { amountUsd: true },
    }),
  ]);
  const sum = (status: string) =>
    new Prisma.Decimal(sums.find((s) => s.status === status)?._sum.amountUsd ?? 0).toFixed(2);
  return {
    clicks,
    signups,
    copied,
    paying,
    commissions: { pendingUsd: sum("pending"), approvedUsd: sum("approved"), paidUsd: sum("paid") },
    payableUsd: new Prisma.Decimal(payable._sum.amountUsd ?? 0).toFixed(2),
  };
}
