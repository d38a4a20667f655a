import type { DbClient } from "../platform/db-client.ts";
import { type LiveEventPublisher, publishSafely } from "../platform/live-events.ts";
import type { Sql } from "../platform/sql.ts";
import { DEFAULT_ENTRY_EXPIRY_SEC } from "./entry-plan.ts";
import type { SignalInput } from "./signal-input.ts";

export interface RecordedSignal {
  id: string;
  status: string;
  duplicate: boolean;
}

// Timestamps go in as ISO strings read as UTC, the way Prisma stores DateTime in `timestamp(3)` columns; pg
// would otherwise send a Date in the process's local time.
const RECORD = `
  WITH dup AS (
    SELECT "id", "status"::text AS "status" FROM "Signal"
    WHERE "strategyId" = $1 AND ("dedupeKey" = $2 OR ($14::boolean AND "bodyHash" = $3
      AND "receivedAt" >= ($15::timestamptz AT TIME ZONE 'UTC') AND "dedupeKey" LIKE 'body:%'))
    LIMIT 1
  ), ins AS (
    INSERT INTO "Signal" ("id", "strategyId", "dedupeKey", "bodyHash", "action", "rawSymbol", "symbol", "riskPerc",
      "leverage", "tpPerc", "slPerc", "price", "qty", "tpPrice", "slPrice", "sentAt", "maxSlippagePerc", "status",
      "receivedAt", "takeProfits", "trailing", "entries", "entryExpirySec", "dca")
    SELECT gen_random_uuid()::text, $1, $2, $3, $4::"SignalAction", $5, $6, $7::numeric, $8::int, $9::numeric,
      $10::numeric, $11::numeric, $12::numeric, $16::numeric, $17::numeric, ($18::timestamptz AT TIME ZONE 'UTC'),
      $19::numeric, 'received', ($13::timestamptz AT TIME ZONE 'UTC'), $20::jsonb, $21::jsonb,
      $22::jsonb, $23::int, $24::jsonb
    WHERE NOT EXISTS (SELECT 1 FROM dup)
    ON CONFLICT ("strategyId", "dedupeKey") DO NOTHING
    RETURNING "id"
  )
  SELECT "id", 'received' AS "status", false AS "duplicate" FROM ins
  UNION ALL SELECT "id", "status", true AS "duplicate" FROM dup`;

/**
 * Inserts the signal unless it is a redelivery, in one round trip: a duplicate is the same dedupe key, or
 * (for bodies without an id) an identical body within the window. The unique (strategyId, dedupeKey) index
 * settles concurrent deliveries; the loser reads the winner.
 *
 * With `sql` (the API passes it) a body with an id is recorded on the pg pool directly: this is the statement
 * between a webhook and its 202, and Prisma's query engine was a fifth of the API's CPU per webhook.
 */
export async function recordSignal(
  deps: { db: DbClient; sql?: Sql; events?: LiveEventPublisher },
  s: {
    strategyId: string;
    dedupeKey: string;
    bodyHash: string;
    symbol: string;
    signal: SignalInput;
    now: Date;
    since: Date;
  },
): Promise<RecordedSignal> {
  const { db } = deps;
  const g = s.signal;
  const lookBack = !g.id;
  const values = [
    s.strategyId,
    s.dedupeKey,
    s.bodyHash,
    g.action,
    g.rawSymbol,
    s.symbol,
    g.riskPerc ?? null,
    g.leverage ?? null,
    g.tpPerc ?? null,
    g.slPerc ?? null,
    g.price ?? null,
    g.qty ?? null,
    s.now.toISOString(),
    lookBack,
    s.since.toISOString(),
    g.tpPrice ?? null,
    g.slPrice ?? null,
    g.sentAt?.toISOString() ?? null,
    g.maxSlippagePerc ?? null,
    g.takeProfits ? JSON.stringify(g.takeProfits) : null,
    g.trailing ? JSON.stringify(g.trailing) : null,
    g.entries ? JSON.stringify(g.entries) : null,
    g.entries ? (g.entryExpirySec ?? DEFAULT_ENTRY_EXPIRY_SEC) : null,
    g.dca ? JSON.stringify(g.dca) : null,
  ];
  // Id-less bodies are keyed by a time bucket, so two deliveries on either side of a bucket boundary carry
  // different keys and the unique index cannot settle them. Serialise those per (strategy, body): the lock is
  // held to commit, and the statement after it takes a snapshot that sees the winner's row.
  const rows: RecordedSignal[] = lookBack
    ? (
        await db.$transaction([
          db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${s.strategyId}:${s.bodyHash}`}, 0))`,
          db.$queryRawUnsafe<RecordedSignal[]>(RECORD, ...values),
        ])
      )[1]
    : deps.sql
      ? await deps.sql.query<RecordedSignal>(RECORD, values)
      : await db.$queryRawUnsafe<RecordedSignal[]>(RECORD, ...values);
  if (rows[0] && !rows[0].duplicate)
    publishSafely(deps.events, { type: "signal", signalId: rows[0].id, strategyId: s.strategyId });
  if (rows[0]) return rows[0];
  // Lost an insert race to a concurrent delivery that our snapshot could not see yet.
  const winner = await db.signal.findUniqueOrThrow({
    where: { strategyId_dedupeKey: { strategyId: s.strategyId, dedupeKey: s.dedupeKey } },
    select: { id: true, status: true },
  });
  return { ...winner, duplicate: true };
}
