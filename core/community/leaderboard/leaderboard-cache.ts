import type { DbClient } from "../../platform/db-client.ts";
import { type LeaderboardSnapshot, leaderboardSnapshot } from "./leaderboard-snapshot.ts";
import type { LeaderboardWindow } from "./leaderboard-window.ts";

/** How old a ranking may be when shown: returns change only as trades close, and a minute is news enough. */
export const LEADERBOARD_MAX_AGE_MS = 60_000;

export interface LeaderboardCache {
  get(window: LeaderboardWindow, now: Date, deps: { db: DbClient }): Promise<LeaderboardSnapshot>;
}

/**
 * Keeps each window's ranking for `maxAgeMs`: the ranking reads every row of the window, so ten thousand asks a
 * minute cost one such read, and each ask only looks its rank up. Concurrent asks for a stale window share one
 * read. A clock that went back (tests) reads again.
 */
export function createLeaderboardCache(opts: { maxAgeMs?: number } = {}): LeaderboardCache {
  const maxAgeMs = opts.maxAgeMs ?? LEADERBOARD_MAX_AGE_MS;
  const kept = new Map<LeaderboardWindow, Promise<LeaderboardSnapshot>>();
  const get: LeaderboardCache["get"] = async (window, now, deps) => {
    const cached = kept.get(window);
    if (cached) {
      const snap = await cached.catch(() => null);
      const age = snap ? now.getTime() - snap.at.getTime() : -1;
      if (snap && age >= 0 && age < maxAgeMs) return snap;
      // Another ask started a fresh read while this one waited: share it.
      if (kept.get(window) !== cached) return get(window, now, deps);
    }
    const fresh = leaderboardSnapshot({ window, now }, deps);
    kept.set(window, fresh);
    fresh.catch(() => kept.get(window) === fresh && kept.delete(window));
    return fresh;
  };
  return { get };
}

// One per database client: every bot process answers from the same ranking, and a test's database gets its own.
const perDb = new WeakMap<DbClient, LeaderboardCache>();
export function leaderboardCacheFor(db: DbClient): LeaderboardCache {
  const kept = perDb.get(db);
  if (kept) return kept;
  const cache = createLeaderboardCache();
  perDb.set(db, cache);
  return cache;
}
