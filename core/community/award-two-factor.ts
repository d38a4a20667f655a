import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { queueCommunityNotice } from "./community-outbox.ts";

/**
 * The `two_factor` achievement for every user whose authenticator is confirmed and who lacks it: users who
 * enrolled before achievements existed, or whose award at enrolment did not happen. One statement and its
 * notices, in one transaction.
 */
export async function awardTwoFactorAchievements(deps: { db: DbClient; clock: Clock }): Promise<{ awarded: number }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      INSERT INTO "UserAchievement" ("userId", "code", "awardedAt")
      SELECT f."userId", 'two_factor', ${now} FROM "TotpFactor" f
      WHERE f."confirmedAt" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "UserAchievement" ua WHERE ua."userId" = f."userId" AND ua."code" = 'two_factor')
      ON CONFLICT ("userId", "code") DO NOTHING
      RETURNING "userId"`;
    for (const { userId } of rows) {
      await queueCommunityNotice(tx, { kind: "achievement", userId, code: "two_factor" }, now);
    }
    return { awarded: rows.length };
  });
}
