import { z } from "zod";
import type { DbClient } from "../platform/db-client.ts";
import { type AchievementCode, isAchievementCode } from "./achievements.ts";
import { levelProgress } from "./levels.ts";

/** The outbox kinds of XP and achievements (community-outbox.ts), as the bots render them. */
export type CommunityMessage =
  | {
      kind: "level_up";
      /** The level reached (index into levels.ts), the XP now, and what the next level still needs. */
      level: number;
      xp: number;
      next: { level: number; xpNeeded: number } | null;
    }
  | { kind: "achievement"; code: AchievementCode };

const payloads = {
  level_up: z.object({ level: z.number().int().min(0) }),
  achievement: z.object({ code: z.string() }),
};

export const isCommunityKind = (kind: string): kind is CommunityMessage["kind"] =>
  kind === "level_up" || kind === "achievement";

/**
 * The message of a level-up or achievement row. A level-up says the XP as it is when sent (the next level's
 * distance from now, not from the award); null when the user or the code is gone.
 */
export async function communityMessage(
  kind: CommunityMessage["kind"],
  payload: unknown,
  userId: string,
  deps: { db: DbClient },
): Promise<CommunityMessage | null> {
  if (kind === "achievement") {
    const { code } = payloads.achievement.parse(payload);
    return isAchievementCode(code) ? { kind, code } : null;
  }
  const { level } = payloads.level_up.parse(payload);
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { xp: true } });
  if (!user) return null;
  return { kind, level, xp: user.xp, next: levelProgress(user.xp).next };
}
