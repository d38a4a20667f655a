import type { Prisma } from "../../../generated/prisma/client.ts";

/**
 * Moves `from`'s money rows onto `into` when two chat identities become one user (core/accounts/merge-users.ts),
 * before `from` is deleted: its payments, the commissions it earned and its payouts would otherwise go with it
 * (onDelete: Cascade). Referrals themselves move in mergeCommunity; the referrer and the code in mergeUsers.
 */
export async function mergeReferrals(input: { from: string; into: string }, tx: Prisma.TransactionClient) {
  const { from, into } = input;
  await tx.payment.updateMany({ where: { userId: from }, data: { userId: into } });
  await tx.commission.updateMany({ where: { referrerId: from }, data: { referrerId: into } });
  await tx.payout.updateMany({ where: { userId: from }, data: { userId: into } });
  // One cannot earn from one's own payments: a commission `into` earned from `from` (or the reverse) is void.
  await tx.commission.updateMany({
    where: { referrerId: into, status: { in: ["pending", "approved"] }, payoutId: null, payment: { userId: into } },
    data: { status: "cancelled" },
  });
}
