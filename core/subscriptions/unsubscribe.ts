import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Ends a subscription. The row is kept as "ended" so its executions and orders stay on record; open positions
 * are left to the user (a later close signal no longer reaches this account).
 */
export async function unsubscribe(input: { userId: string; subscriptionId: string }, deps: { db: DbClient }) {
  const ended = await deps.db.subscription.updateMany({
    where: { id: input.subscriptionId, status: { in: ["active", "paused"] }, account: { userId: input.userId } },
    data: { status: "ended" },
  });
  if (ended.count === 0) throw new AppError("NOT_FOUND", "that subscription does not exist or has already ended");
  await deps.db.auditLog.create({
    data: {
      userId: input.userId,
      actor: `user:${input.userId}`,
      action: "subscription.ended",
      details: { subscriptionId: input.subscriptionId },
    },
  });
}
