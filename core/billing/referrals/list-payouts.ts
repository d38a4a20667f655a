import type { DbClient } from "../../platform/db-client.ts";

export interface PayoutView {
  id: string;
  userId: string;
  displayName: string | null;
  amountUsd: string;
  address: string;
  network: string;
  status: "requested" | "paid" | "rejected";
  txid: string | null;
  createdAt: Date;
  paidAt: Date | null;
  commissions: number;
}

/** Payouts for the admin, requested ones first (oldest first: they wait longest), then the rest newest first. */
export async function listPayouts(
  input: { status?: "requested" | "paid" | "rejected"; limit?: number },
  deps: { db: DbClient },
): Promise<PayoutView[]> {
  const rows = await deps.db.payout.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: [{ createdAt: "desc" }],
    take: input.limit ?? 200,
    include: { user: { select: { displayName: true } }, _count: { select: { commissions: true } } },
  });
  const view = rows.map((p) => ({
    id: p.id,
    userId: p.userId,
    displayName: p.user.displayName,
    amountUsd: p.amountUsd.toFixed(2),
    address: p.address,
    network: p.network,
    status: p.status,
    txid: p.txid,
    createdAt: p.createdAt,
    paidAt: p.paidAt,
    commissions: p._count.commissions,
  }));
  const waiting = view.filter((p) => p.status === "requested").reverse();
  return [...waiting, ...view.filter((p) => p.status !== "requested")];
}
