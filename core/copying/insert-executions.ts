import type { DbClient } from "../platform/db-client.ts";

/**
 * One pending execution per subscription, skipping those that exist. Raw SQL because Prisma's createMany is
 * compiled per call with one parameter set per row: for a 1,000-row page that blocked the event loop (and so
 * every order in flight) for tens of milliseconds.
 */
export async function insertExecutions(
  db: DbClient,
  signalId: string,
  rows: { subscriptionId: string; accountId: string; clientOrderId: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "Execution" ("id", "signalId", "subscriptionId", "accountId", "clientOrderId", "status", "attempts",
      "updatedAt")
    SELECT gen_random_uuid()::text, ${signalId}, v.sub, v.acc, v.cid, 'pending', 0, now()
    FROM unnest(${rows.map((r) => r.subscriptionId)}::text[], ${rows.map((r) => r.accountId)}::text[],
      ${rows.map((r) => r.clientOrderId)}::text[]) AS v(sub, acc, cid)
    ON CONFLICT DO NOTHING`;
}
