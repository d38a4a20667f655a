import type { DbClient } from "../platform/db-client.ts";
import type { SignalBody } from "./signal-body.ts";

export interface RecordedSignal {
  id: string;
  status: string;
  duplicate: boolean;
}

/**
 * Inserts the signal unless it is a redelivery, in one round trip: a duplicate is the same dedupe key, or
 * (for bodies without an id) an identical body within the window. The unique (strategyId, dedupeKey) index
 * settles concurrent deliveries; the loser reads the winner.
 */
export async function recordSignal(
  db: DbClient,
  s: {
    strategyId: string;
    dedupeKey: string;
    bodyHash: string;
    symbol: string;
    body: SignalBody;
    now: Date;
    since: Date;
  },
): Promise<RecordedSignal> {
  const b = s.body;
  const lookBack = !b.id;
  const statement = db.$queryRaw<RecordedSignal[]>`
    WITH dup AS (
      SELECT "id", "status"::text AS "status" FROM "Signal"
      WHERE "strategyId" = ${s.strategyId} AND ("dedupeKey" = ${s.dedupeKey} OR (${lookBack} AND "bodyHash" = ${s.bodyHash}
        AND "receivedAt" >= ${s.since} AND "dedupeKey" LIKE 'body:%'))
      LIMIT 1
    ), ins AS (
      INSERT INTO "Signal" ("id", "strategyId", "dedupeKey", "bodyHash", "action", "rawSymbol", "symbol", "riskPerc",
        "leverage", "tpPerc", "slPerc", "price", "qty", "status", "receivedAt")
      SELECT gen_random_uuid()::text, ${s.strategyId}, ${s.dedupeKey}, ${s.bodyHash}, ${b.action}::"SignalAction",
        ${b.symbol}, ${s.symbol}, ${b.risk_perc ?? null}::numeric, ${b.leverage ?? null}::int, ${b.tp_perc ?? null}::numeric,
        ${b.sl_perc ?? null}::numeric, ${b.price ?? null}::numeric, ${b.qty ?? null}::numeric, 'received', ${s.now}
      WHERE NOT EXISTS (SELECT 1 FROM dup)
      ON CONFLICT ("strategyId", "dedupeKey") DO NOTHING
      RETURNING "id"
    )
    SELECT "id", 'received' AS "status", false AS "duplicate" FROM ins
    UNION ALL SELECT "id", "status", true AS "duplicate" FROM dup`;
  // Id-less bodies are keyed by a time bucket, so two deliveries on either side of a bucket boundary carry
  // different keys and the unique index cannot settle them. Serialise those per (strategy, body): the lock is
  // held to commit, and the statement after it takes a snapshot that sees the winner's row.
  const rows = lookBack
    ? (
        await db.$transaction([
          db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${s.strategyId}:${s.bodyHash}`}, 0))`,
          statement,
        ])
      )[1]
    : await statement;
  if (rows[0]) return rows[0];
  // Lost an insert race to a concurrent delivery that our snapshot could not see yet.
  const winner = await db.signal.findUniqueOrThrow({
    where: { strategyId_dedupeKey: { strategyId: s.strategyId, dedupeKey: s.dedupeKey } },
    select: { id: true, status: true },
  });
  return { ...winner, duplicate: true };
}
