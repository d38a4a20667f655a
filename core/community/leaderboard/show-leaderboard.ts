import { Prisma } from "../../../generated/prisma/client.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { type LeaderboardCache, leaderboardCacheFor } from "./leaderboard-cache.ts";
import type { RankedRow } from "./leaderboard-snapshot.ts";
import { LEADERBOARD_TOP, type LeaderboardWindow, MIN_LEADERBOARD_TRADES, windowDays } from "./leaderboard-window.ts";

/** The asker as the card shows them: ranked, or why not (not joined, too few trades). */
export interface AskerStanding {
  joined: boolean;
  nickname: string | null;
  rank: number | null;
  roe: string | null;
  pnl: string;
  trades: number;
}

export interface LeaderboardView {
  window: LeaderboardWindow;
  at: Date;
  minTrades: number;
  /** How many are ranked in all. */
  ranked: number;
  top: RankedRow[];
  me: AskerStanding;
}

/**
 * /leaderboard [7d|30d]: the top 10 and the asker's own standing. The ranking comes from the window's kept
 * snapshot (leaderboard-cache.ts); the asker's own figures are read fresh by primary key (at most 30 rows), so
 * a follower who just closed their fifth trade sees it at once even if their rank catches up within a minute.
 */
export async function showLeaderboard(
  input: { userId: string; window: LeaderboardWindow },
  deps: { db: DbClient; clock: Clock; leaderboardCache?: LeaderboardCache },
): Promise<LeaderboardView> {
  const now = deps.clock.now();
  const cache = deps.leaderboardCache ?? leaderboardCacheFor(deps.db);
  const [snapshot, me] = await Promise.all([
    cache.get(input.window, now, deps),
    askerFigures(input.userId, input.window, now, deps.db),
  ]);
  return {
    window: input.window,
    at: snapshot.at,
    minTrades: MIN_LEADERBOARD_TRADES,
    ranked: snapshot.rows.length,
    top: snapshot.rows.slice(0, LEADERBOARD_TOP),
    me: { ...me, rank: me.joined ? (snapshot.rankOf.get(input.userId) ?? null) : null },
  };
}

async function askerFigures(
  userId: string,
  window: LeaderboardWindow,
  now: Date,
  db: DbClient,
): Promise<Omit<AskerStanding, "rank">> {
  const { from, to } = windowDays(window, now);
  const [row] = await db.$queryRaw<
    { nickname: string | null; joined: boolean; pnl: string | null; roe: string | null; trades: number | null }[]
  >(Prisma.sql`
    SELECT u."nickname", u."leaderboardJoinedAt" IS NOT NULL AS "joined",
      SUM(d."pnl")::text AS "pnl", SUM(d."trades")::int AS "trades",
      CASE WHEN SUM(d."margin") > 0 THEN (SUM(d."pnl") / SUM(d."margin"))::text END AS "roe"
    FROM "User" u
    LEFT JOIN "DailyReturn" d ON d."userId" = u."id" AND d."day" >= ${from}::date AND d."day" < ${to}::date
    WHERE u."id" = ${userId}
    GROUP BY u."id"`);
  return {
    joined: !!row?.joined,
    nickname: row?.joined ? (row.nickname ?? null) : null,
    roe: row?.roe ?? null,
    pnl: row?.pnl ?? "0",
    trades: row?.trades ?? 0,
  };
}
