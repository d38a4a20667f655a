import type { DbClient } from "../platform/db-client.ts";

/** Everything one follower's execution needs, in one round trip. */
export function loadExecution(db: DbClient, signalId: string, subscriptionId: string) {
  return db.execution.findUnique({
    where: { signalId_subscriptionId: { signalId, subscriptionId } },
    include: {
      signal: { include: { strategy: { select: { maxSignalAgeSec: true } } } },
      subscription: true,
      account: { select: { id: true, exchange: true, credentials: true, status: true } },
      orders: { select: { kind: true, status: true, requestedAmount: true } },
    },
  });
}

export type LoadedExecution = NonNullable<Awaited<ReturnType<typeof loadExecution>>>;
