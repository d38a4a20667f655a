import { Prisma } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { type LeaderboardWindow, MIN_LEADERBOARD_TRADES, windowDays } from "./leaderboard-window.ts";

/** One ranked follower: return on equity is pnl ÷ margin over the window (decimal strings, as Postgres summed). */
export interface RankedRow {
  rank: number;
  userId: string;
  nickname: string;
  pnl: string;
  margin: string;
  roe: string;
  trades: number;
}

export interface LeaderboardSnapshot {
  window: LeaderboardWindow;
  at: Date;
  /** Every ranked follower, best first. */
  rows: RankedRow[];
  rankOf: Map<string, number>;
}

/**
 * The whole ranking of one window, in one statement over the DailyReturn aggregates (never trades): the days of
 * the window by the `day` index, only users who opted in, at least MIN_LEADERBOARD_TRADES closed trades. Its cost
 * grows with the rows in the window, so callers keep it for a while (leaderboard-cache.ts) rather than per ask.
 */
export async function leaderboardSnapshot(
  input: { window: LeaderboardWindow; now: Date; minTrades?: number },
  deps: { db: DbClient },
): Promise<LeaderboardSnapshot> {
  const { from, to } = windowDays(input.window, input.now);
  const minTrades = input.minTrades ?? MIN_LEADERBOARD_TRADES;
  const rows = await deps.db.$queryRaw<Omit<RankedRow, "rank">[]>(Prisma.sql`
    SELECT u."id" AS "userId", u."nickname", a."pnl"::text AS "pnl", a."margin"::text AS "margin",
      (a."pnl" / a."margin")::text AS "roe", a."trades"::int AS "trades"
    FROM (
      SELECT d."userId", SUM(d."pnl") AS "pnl", SUM(d."margin") AS "margin", SUM(d."trades") AS "trades"
      FROM "DailyReturn" d
      WHERE d."day" >= ${from}::date AND d."day" < ${to}::date
      GROUP BY d."userId"
      HAVING SUM(d."trades") >= ${minTrades} AND SUM(d."margin") > 0
    ) a
    JOIN "User" u ON u."id" = a."userId"
    WHERE u."leaderboardJoinedAt" IS NOT NULL AND u."nickname" IS NOT NULL
    ORDER BY a."pnl" / a."margin" DESC, a."trades" DESC, u."nickname"`);
  const ranked = rows.map((r, i) => ({ ...r, rank: i + 1 }));
  return {
    window: input.window,
    at: input.now,
    rows: ranked,
    rankOf: new Map(ranked.map((r) => [r.userId, r.rank])),
  };
}
