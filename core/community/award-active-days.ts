import type { Logger } from "pino";
import { z } from "zod";
import { utcDay } from "../guardrails/utc-day.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { parseInput } from "../platform/validation.ts";
import { streakAchievements } from "./achievements.ts";
import { awardAchievementsIn } from "./award-achievement.ts";
import { awardXpIn } from "./award-xp.ts";
import type { Writer } from "./community-outbox.ts";
import { xpKey } from "./xp-rules.ts";

const DAY_MS = 86_400_000;
// The longest streak an achievement asks for: older days never change what a user earns.
const STREAK_LOOKBACK_DAYS = 31;

const options = z.object({ limit: z.number().int().min(1).max(5_000).default(500) });

/**
 * Today's XP for every user with an active subscription (on an active account; a disabled user has none), and
 * the streak achievements it completes. Keyed by user and UTC day, so it may run as often as convenient (the
 * worker runs it hourly): the first run of a day awards, later ones find nothing. A day the sweep never ran is
 * not awarded afterwards: subscriptions keep no history to prove it.
 */
export async function awardActiveDays(
  raw: { limit?: number },
  deps: { db: DbClient; clock: Clock; logger?: Pick<Logger, "warn"> },
): Promise<{ awarded: number }> {
  const { limit } = parseInput(options, raw);
  const now = deps.clock.now();
  const day = utcDay(now);
  let awarded = 0;
  for (;;) {
    const page = await deps.db.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT a."userId" FROM "Subscription" s
      JOIN "ExchangeAccount" a ON a."id" = s."accountId" AND a."status" = 'active'
      JOIN "User" u ON u."id" = a."userId" AND u."disabledAt" IS NULL
      WHERE s."status" = 'active'
        AND NOT EXISTS (SELECT 1 FROM "XpEvent" x WHERE x."key" = 'active_day:' || a."userId" || ':' || ${day})
      LIMIT ${limit}`;
    let done = 0;
    for (const { userId } of page) {
      try {
        if (await deps.db.$transaction((tx) => awardDay(tx, userId, day, now))) done++;
      } catch (err) {
        deps.logger?.warn({ err: (err as Error).message, userId }, "active day award failed");
      }
    }
    awarded += done;
    if (page.length < limit || done === 0) return { awarded };
  }
}

async function awardDay(tx: Writer, userId: string, day: string, now: Date): Promise<boolean> {
  const award = await awardXpIn(tx, { userId, kind: "active_day", key: xpKey.activeDay(userId, day) }, now);
  if (!award.awarded) return false;
  const rows = await tx.$queryRaw<{ key: string }[]>`
    SELECT "key" FROM "XpEvent"
    WHERE "userId" = ${userId} AND "kind" = 'active_day'
      AND "at" >= ${new Date(now.getTime() - (STREAK_LOOKBACK_DAYS + 1) * DAY_MS)}`;
  const days = new Set(rows.map((r) => r.key.slice(r.key.lastIndexOf(":") + 1)));
  await awardAchievementsIn(tx, { userId, codes: streakAchievements(streakEndingOn(days, day)) }, now);
  return true;
}

/** Days in a row, ending on `day` ("2026-12-07"), that the set holds. */
export function streakEndingOn(days: ReadonlySet<string>, day: string): number {
  let streak = 0;
  let at = Date.parse(`${day}T00:00:00Z`);
  while (days.has(utcDay(new Date(at)))) {
    streak++;
    at -= DAY_MS;
  }
  return streak;
}
