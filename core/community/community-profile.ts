import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { ACHIEVEMENTS, type AchievementCode } from "./achievements.ts";
import { type LeaderboardRank, leaderboardRank, type RankLookup } from "./leaderboard-rank.ts";
import { levelProgress } from "./levels.ts";

export interface CommunityProfile {
  xp: number;
  /** Index into levels.ts; the next level and the XP it still needs (null at the top). */
  level: number;
  next: { level: number; xpNeeded: number } | null;
  /** The whole catalogue in its order, each with when it was earned (null: not yet). */
  achievements: { code: AchievementCode; awardedAt: Date | null }[];
  earned: number;
  /** Whether the user opted in to the leaderboard, and their 30-day place there (null: not ranked). */
  joined: boolean;
  rank: LeaderboardRank | null;
}

/**
 * What /me and /achievements show: level, XP and the next level, the catalogue with what is earned, and the
 * leaderboard rank (`deps.rank` replaces the lookup; `withRank: false` skips it, for /achievements).
 */
export async function communityProfile(
  input: { userId: string; withRank?: boolean },
  deps: { db: DbClient; clock: Clock; rank?: RankLookup },
): Promise<CommunityProfile> {
  const user = await deps.db.user.findUnique({
    where: { id: input.userId },
    select: { xp: true, leaderboardJoinedAt: true, achievements: { select: { code: true, awardedAt: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "no such user");
  const earned = new Map(user.achievements.map((a) => [a.code, a.awardedAt]));
  const { level, next } = levelProgress(user.xp);
  const lookup = deps.rank ?? leaderboardRank(deps);
  const rank = input.withRank !== false && user.leaderboardJoinedAt ? await lookup(input.userId) : null;
  return {
    xp: user.xp,
    level,
    next,
    achievements: ACHIEVEMENTS.map((code) => ({ code, awardedAt: earned.get(code) ?? null })),
    earned: ACHIEVEMENTS.filter((c) => earned.has(c)).length,
    joined: !!user.leaderboardJoinedAt,
    rank,
  };
}
