import type { Logger } from "pino";
import { awardActiveDays } from "../core/community/award-active-days.ts";
import { awardTwoFactorAchievements } from "../core/community/award-two-factor.ts";
import { scoreClosedTrades } from "../core/community/score-closed-trades.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import { type Periodic, runEvery } from "./run-every.ts";

// Closed trades are scored within this of their fees being read; a leaderboard or a tournament lags by as much.
export const SCORING_INTERVAL_MS = 15_000;
// Active days are keyed by UTC day, so hourly rounds award each day once, and a worker started late in the day
// (or restarted) still awards it.
export const ACTIVE_DAYS_EVERY_MS = 3_600_000;

/**
 * The community ledger's periodic work (core/community): scoring closed trades (XP, achievements, DailyReturn,
 * tournament entries) every `intervalMs`, and hourly the day's active-subscription XP with the streaks and the
 * 2FA achievement. Any number of workers may run it: every step is claimed or keyed.
 */
export function startCommunityLoop(deps: {
  db: DbClient;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}): Periodic {
  let lastDaily = Number.NEGATIVE_INFINITY;
  return runEvery(
    "community scoring",
    deps.intervalMs ?? SCORING_INTERVAL_MS,
    async () => {
      const scored = await scoreClosedTrades({}, deps);
      if (scored.scored) deps.logger.info(scored, "closed trades scored");
      const now = deps.clock.now().getTime();
      if (now - lastDaily < ACTIVE_DAYS_EVERY_MS) return;
      lastDaily = now;
      const days = await awardActiveDays({}, deps);
      const twoFactor = await awardTwoFactorAchievements(deps);
      if (days.awarded || twoFactor.awarded) deps.logger.info({ ...days, twoFactor: twoFactor.awarded }, "active days");
    },
    deps.logger,
  );
}
