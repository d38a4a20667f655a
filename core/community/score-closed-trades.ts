import type { Logger } from "pino";
import { z } from "zod";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { parseInput } from "../platform/validation.ts";
import { type ScoreOutcome, scoreTradeIn } from "./score-trade.ts";

// A closed trade waits for its fills (fees) to be read before it is counted; reconciliation looks for them for a
// day after the close. One whose fills were never read by then is counted with the figures it has, rather than
// never (and rather than being looked at by every sweep for ever).
export const FILLS_GRACE_MS = 2 * 86_400_000;

const options = z.object({ limit: z.number().int().min(1).max(5_000).default(200) });

export interface ScoreDeps {
  db: DbClient;
  clock: Clock;
  logger?: Pick<Logger, "warn">;
}

/**
 * The scoring sweep: closed trades whose fees are known and that were not scored yet, a page at a time, each in
 * a transaction of its own (scoreTradeIn). Running it again finds nothing; any number of workers may run it.
 * Pages follow one another until one comes back short, or nothing in a page could be claimed.
 */
export async function scoreClosedTrades(
  raw: { limit?: number },
  deps: ScoreDeps,
): Promise<{ scored: number; empty: number }> {
  const { limit } = parseInput(options, raw);
  const totals = { scored: 0, empty: 0 };
  for (;;) {
    const now = deps.clock.now();
    // The index on (status, scoredAt) serves this: only closed trades not yet scored are read.
    const page = await deps.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Trade"
      WHERE "status" = 'closed' AND "scoredAt" IS NULL
        AND ("fillsSyncedAt" IS NOT NULL OR "entryAmount" = 0 OR "closedAt" < ${new Date(now.getTime() - FILLS_GRACE_MS)})
      LIMIT ${limit}`;
    let claimed = 0;
    for (const { id } of page) {
      let outcome: ScoreOutcome;
      try {
        outcome = await deps.db.$transaction((tx) => scoreTradeIn(tx, id, now));
      } catch (err) {
        // A deadlock or a lost connection: the trade stays unscored as a whole, for the next sweep.
        deps.logger?.warn({ err: (err as Error).message, tradeId: id }, "scoring a trade failed");
        continue;
      }
      if (outcome === "taken") continue;
      claimed++;
      totals[outcome]++;
    }
    if (page.length < limit || claimed === 0) return totals;
  }
}

/**
 * Whether closed trades that ended by `at` are still waiting to be scored: a tournament's standings are final
 * only once this is false for its end (a trade closed just before the end may still wait for its fees).
 */
export async function unscoredTradesBefore(db: DbClient, at: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS "one" FROM "Trade"
    WHERE "status" = 'closed' AND "scoredAt" IS NULL AND "closedAt" <= ${at} AND "entryAmount" > 0
    LIMIT 1`;
  return rows.length > 0;
}
