import { type AdminActor, writeAdminAudit } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * An admin sent the USDT: the payout becomes paid with the transaction id, and its commissions paid with it.
 * Only a requested payout can be marked, so a second call (or a double click) is refused and pays nothing twice.
 */
export async function markPayoutPaid(
  input: { payoutId: string; txid: string },
  deps: { db: DbClient; who: AdminActor; clock: { now(): Date } },
): Promise<{ id: string; status: "paid"; txid: string; paidAt: Date; commissions: number }> {
  return deps.db.$transaction(async (tx) => {
    const paidAt = deps.clock.now();
    const res = await tx.payout.updateMany({
      where: { id: input.payoutId, status: "requested" },
      data: { status: "paid", txid: input.txid, paidAt },
    });
    if (res.count === 0) {
      const payout = await tx.payout.findUnique({ where: { id: input.payoutId }, select: { status: true } });
      if (!payout) throw new AppError("NOT_FOUND", "no such payout");
      throw new AppError("CONFLICT", `this payout is already ${payout.status}`, { details: { status: payout.status } });
    }
    const commissions = await tx.commission.updateMany({
      where: { payoutId: input.payoutId, status: "approved" },
      data: { status: "paid" },
    });
    const payout = await tx.payout.findUniqueOrThrow({
      where: { id: input.payoutId },
      select: { userId: true, amountUsd: true, network: true, address: true },
    });
    await writeAdminAudit(
      {
        action: "payout.paid",
        userId: payout.userId,
        details: {
          payoutId: input.payoutId,
          txid: input.txid,
          amountUsd: payout.amountUsd.toString(),
          network: payout.network,
        },
      },
      { db: tx as unknown as DbClient, who: deps.who },
    );
    return { id: input.payoutId, status: "paid" as const, txid: input.txid, paidAt, commissions: commissions.count };
  });
}
