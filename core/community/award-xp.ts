import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { queueCommunityNotice, type Writer } from "./community-outbox.ts";
import { levelFor } from "./levels.ts";
import { XP, type XpKind } from "./xp-rules.ts";

export interface XpAward {
  userId: string;
  kind: XpKind;
  /** The event's key (xp-rules.ts xpKey): the award happens once per key, whatever replays it. */
  key: string;
}

/** Several awards to one user at once (a trade closed, and in profit): one insert and one update. */
export interface XpAwards {
  userId: string;
  awards: readonly { kind: XpKind; key: string }[];
}

export interface XpResult {
  /** Whether any of the awards was new. */
  awarded: boolean;
  /** The level just reached, when this award moved the user up (told once, by the outbox). */
  levelUp: number | null;
}

/**
 * Awards XP inside the caller's transaction: the event rows, the user's total and a level-up commit together or
 * not at all (an event row without its XP would block the award for ever). Only a new event row adds XP.
 */
export async function awardXpIn(tx: Writer, input: XpAward | XpAwards, now: Date): Promise<XpResult> {
  const { userId } = input;
  const awards = "awards" in input ? input.awards : [input];
  if (!awards.length) return { awarded: false, levelUp: null };
  const inserted = await tx.$queryRaw<{ xp: number }[]>`
    INSERT INTO "XpEvent" ("id", "userId", "key", "kind", "xp", "at")
    SELECT gen_random_uuid()::text, ${userId}, a.key, a.kind, a.xp, ${now}
    FROM unnest(${awards.map((a) => a.key)}::text[], ${awards.map((a) => a.kind)}::text[],
      ${awards.map((a) => XP[a.kind])}::int[]) AS a(key, kind, xp)
    ON CONFLICT ("key") DO NOTHING
    RETURNING "xp"`;
  if (!inserted.length) return { awarded: false, levelUp: null };
  const xp = inserted.reduce((sum, r) => sum + r.xp, 0);
  // The row lock this takes orders concurrent awards of one user, so one of them sees the level move.
  const [user] = await tx.$queryRaw<{ xp: number; level: number }[]>`
    UPDATE "User" SET "xp" = "xp" + ${xp} WHERE "id" = ${userId} RETURNING "xp", "level"`;
  if (!user) return { awarded: true, levelUp: null };
  const reached = levelFor(user.xp);
  if (reached <= user.level) return { awarded: true, levelUp: null };
  await tx.$executeRaw`UPDATE "User" SET "level" = ${reached} WHERE "id" = ${userId}`;
  await queueCommunityNotice(tx, { kind: "level_up", userId, level: reached }, now);
  return { awarded: true, levelUp: reached };
}

/** One award in a transaction of its own. */
export function awardXp(award: XpAward, deps: { db: DbClient; clock: Clock }): Promise<XpResult> {
  return deps.db.$transaction((tx) => awardXpIn(tx, award, deps.clock.now()));
}
