import type { Db } from "./record-commission.ts";

/**
 * Cancels the commission of a refunded or reversed payment while it is still pending (on hold). One already
 * approved or paid stays: the hold is what a refund had to land within. Says what the commission is now, or
 * null when the payment earned none.
 */
export async function cancelCommission(
  input: { paymentId: string },
  deps: { db: Db },
): Promise<{ status: "pending" | "approved" | "cancelled" | "paid"; cancelled: boolean } | null> {
  const res = await deps.db.commission.updateMany({
    where: { paymentId: input.paymentId, status: "pending" },
    data: { status: "cancelled" },
  });
  const row = await deps.db.commission.findUnique({ where: { paymentId: input.paymentId }, select: { status: true } });
  if (!row) return null;
  return { status: row.status, cancelled: res.count > 0 };
}
