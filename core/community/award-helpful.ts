import { utcDayStart } from "../guardrails/utc-day.ts";
import { type Clock, systemClock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { awardXpIn, type XpResult } from "./award-xp.ts";
import { xpKey } from "./xp-rules.ts";

/**
 * XP for a support answer the follower marked helpful (core/support/answer-feedback.ts), keyed by the answer. A
 * follower can ask as often as they like, so only the first helpful answer of each UTC day earns anything.
 */
export async function awardHelpfulAnswer(
  input: { userId: string; answerId: string },
  deps: { db: DbClient; clock?: Clock },
): Promise<XpResult> {
  const now = (deps.clock ?? systemClock).now();
  return deps.db.$transaction(async (tx) => {
    // The user's row lock makes the once-a-day check and the award one step, whatever presses race.
    const [answer] = await tx.$queryRaw<{ today: number }[]>`
      SELECT (SELECT count(*) FROM "XpEvent" x
        WHERE x."userId" = u."id" AND x."kind" = 'helpful' AND x."at" >= ${utcDayStart(now)})::int AS "today"
      FROM "User" u JOIN "SupportAnswer" s ON s."userId" = u."id"
      WHERE u."id" = ${input.userId} AND s."id" = ${input.answerId} AND s."helpful"
      FOR UPDATE OF u`;
    if (!answer || answer.today > 0) return { awarded: false, levelUp: null };
    return awardXpIn(tx, { userId: input.userId, kind: "helpful", key: xpKey.helpful(input.answerId) }, now);
  });
}
