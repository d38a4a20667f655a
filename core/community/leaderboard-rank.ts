import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { leaderboardCacheFor } from "./leaderboard/leaderboard-cache.ts";
import type { LeaderboardWindow } from "./leaderboard/leaderboard-window.ts";

/** A user's place on a leaderboard window, out of how many are ranked. */
export interface LeaderboardRank {
  window: LeaderboardWindow;
  rank: number;
  ranked: number;
}

/** Looks a user's rank up; null when they are not ranked (not joined, or too few trades). */
export type RankLookup = (userId: string) => Promise<LeaderboardRank | null>;

/**
 * /me's rank: the 30-day leaderboard, from the ranking the leaderboard keeps (no ranking per ask). Only users
 * who joined the leaderboard are in it.
 */
export function leaderboardRank(deps: { db: DbClient; clock: Clock }, window: LeaderboardWindow = "30d"): RankLookup {
  return async (userId) => {
    const snapshot = await leaderboardCacheFor(deps.db).get(window, deps.clock.now(), deps);
    const rank = snapshot.rankOf.get(userId);
    return rank ? { window, rank, ranked: snapshot.rows.length } : null;
  };
}
