import { type Clock, systemClock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { type AchievementCode, isAchievementCode } from "./achievements.ts";
import { queueCommunityNotice, type Writer } from "./community-outbox.ts";

/**
 * Awards achievements inside the caller's transaction; each is held once (the (userId, code) key), and only a new
 * one writes its notice. Returns the codes that were new.
 */
export async function awardAchievementsIn(
  tx: Writer,
  input: { userId: string; codes: readonly AchievementCode[] },
  now: Date,
): Promise<AchievementCode[]> {
  if (!input.codes.length) return [];
  const rows = await tx.$queryRaw<{ code: AchievementCode }[]>`
    INSERT INTO "UserAchievement" ("userId", "code", "awardedAt")
    SELECT ${input.userId}, c, ${now} FROM unnest(${input.codes as string[]}::text[]) AS c
    ON CONFLICT ("userId", "code") DO NOTHING
    RETURNING "code"`;
  for (const { code } of rows) await queueCommunityNotice(tx, { kind: "achievement", userId: input.userId, code }, now);
  return rows.map((r) => r.code);
}

/**
 * Awards one achievement of the catalogue, once, with its notification; true when it was new. Other modules call
 * this (the tournaments module for `tournament_winner`); pass `tx` to award inside your own transaction. A code
 * outside the catalogue is a programming error.
 */
export async function awardAchievement(
  input: { userId: string; code: string },
  deps: { db: DbClient; clock?: Clock; tx?: Writer },
): Promise<boolean> {
  const { code, userId } = input;
  if (!isAchievementCode(code)) throw new AppError("BAD_REQUEST", `unknown achievement ${code}`);
  const now = (deps.clock ?? systemClock).now();
  const award = (tx: Writer) => awardAchievementsIn(tx, { userId, codes: [code] }, now);
  const added = deps.tx ? await award(deps.tx) : await deps.db.$transaction((tx) => award(tx));
  return added.length > 0;
}
