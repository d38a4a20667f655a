import { type AdminActor, writeAdminAudit } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { cancelCommission } from "./cancel-commission.ts";

/**
 * An admin marks a completed payment refunded (money returned, or reversed by hand): its commission is cancelled
 * if still on hold. The plan it bought is left as it is; an admin shortens it separately if they mean to.
 */
export async function refundPayment(
  input: { paymentId: string; reason?: string },
  deps: { db: DbClient; who: AdminActor },
): Promise<{ paymentId: string; commission: { status: string; cancelled: boolean } | null }> {
  return deps.db.$transaction(async (tx) => {
    const res = await tx.payment.updateMany({
      where: { id: input.paymentId, status: { in: ["completed", "mismatch"] } },
      data: { status: "refunded" },
    });
    if (res.count === 0) {
      const payment = await tx.payment.findUnique({ where: { id: input.paymentId }, select: { status: true } });
      if (!payment) throw new AppError("NOT_FOUND", "no such payment");
      throw new AppError("CONFLICT", `only a completed payment can be refunded; this one is ${payment.status}`);
    }
    const commission = await cancelCommission({ paymentId: input.paymentId }, { db: tx });
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId }, select: { userId: true } });
    await writeAdminAudit(
      {
        action: "payment.refunded",
        userId: payment.userId,
        details: { paymentId: input.paymentId, reason: input.reason ?? null, commission },
      },
      { db: tx as unknown as DbClient, who: deps.who },
    );
    return { paymentId: input.paymentId, commission };
  });
}
