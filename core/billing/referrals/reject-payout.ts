import { type AdminActor, writeAdminAudit } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * An admin will not pay a requested payout (a wrong address, say): it becomes rejected and its commissions are
 * released, approved again and free for the next /payout. Only a requested payout can be rejected.
 */
export async function rejectPayout(
  input: { payoutId: string; reason?: string },
  deps: { db: DbClient; who: AdminActor },
): Promise<{ id: string; status: "rejected"; released: number }> {
  return deps.db.$transaction(async (tx) => {
    const res = await tx.payout.updateMany({
      where: { id: input.payoutId, status: "requested" },
      data: { status: "rejected" },
    });
    if (res.count === 0) {
      const payout = await tx.payout.findUnique({ where: { id: input.payoutId }, select: { status: true } });
      if (!payout) throw new AppError("NOT_FOUND", "no such payout");
      throw new AppError("CONFLICT", `this payout is already ${payout.status}`, { details: { status: payout.status } });
    }
    const released = await tx.commission.updateMany({
      where: { payoutId: input.payoutId, status: "approved" },
      data: { payoutId: null },
    });
    const payout = await tx.payout.findUniqueOrThrow({ where: { id: input.payoutId }, select: { userId: true } });
    await writeAdminAudit(
      {
        action: "payout.rejected",
        userId: payout.userId,
        details: { payoutId: input.payoutId, reason: input.reason ?? null },
      },
      { db: tx as unknown as DbClient, who: deps.who },
    );
    return { id: input.payoutId, status: "rejected" as const, released: released.count };
  });
}
