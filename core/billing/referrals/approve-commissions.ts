import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";

// Holds are days long: a commission approved up to a few minutes late changes nothing anyone sees.
export const APPROVE_COMMISSIONS_INTERVAL_MS = 5 * 60_000;

/** Pending commissions whose hold has passed become approved (payable); run periodically by a worker. */
export async function approveDueCommissions(deps: { db: DbClient; clock: Clock }): Promise<number> {
  const res = await deps.db.commission.updateMany({
    where: { status: "pending", approvesAt: { lte: deps.clock.now() } },
    data: { status: "approved" },
  });
  return res.count;
}
