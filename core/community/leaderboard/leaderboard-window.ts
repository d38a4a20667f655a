import { z } from "zod";

/** The windows /leaderboard ranks over, in whole UTC days ending today. */
export const LEADERBOARD_WINDOWS = { "7d": 7, "30d": 30 } as const;
export type LeaderboardWindow = keyof typeof LEADERBOARD_WINDOWS;
export const leaderboardWindowSchema = z.enum(["7d", "30d"], { error: "must be 7d or 30d" });

/** Closed trades a follower needs in the window to be ranked: one lucky trade is not a track record. */
export const MIN_LEADERBOARD_TRADES = 5;

/** How many are shown by name on the card. */
export const LEADERBOARD_TOP = 10;

const DAY_MS = 86_400_000;

/**
 * The window's days as DailyReturn keys: today (UTC) and the days before it, `from` inclusive, `to` exclusive.
 * Today counts as it stands, so a 7d window is today plus the six days before.
 */
export function windowDays(window: LeaderboardWindow, now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(today - (LEADERBOARD_WINDOWS[window] - 1) * DAY_MS), to: new Date(today + DAY_MS) };
}
