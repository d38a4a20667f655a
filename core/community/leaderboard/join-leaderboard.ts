import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { isUniqueViolation } from "../../platform/prisma-errors.ts";
import { parseInput } from "../../platform/validation.ts";
import { nicknameSchema } from "./nickname.ts";

/**
 * /leaderboard join <nickname>: the user consents to appear on the leaderboard under this nickname (and only
 * it). Joining again renames; a nickname someone else holds, in any letter case, is refused.
 */
export async function joinLeaderboard(
  input: { userId: string; nickname: string },
  deps: { db: DbClient; clock: Clock },
): Promise<{ nickname: string }> {
  const nickname = parseInput(nicknameSchema, input.nickname);
  const taken = await deps.db.user.findFirst({
    where: { nickname: { equals: nickname, mode: "insensitive" }, id: { not: input.userId } },
    select: { id: true },
  });
  if (taken) throw nicknameTaken(nickname);
  try {
    const user = await deps.db.user.update({
      where: { id: input.userId },
      data: { nickname, leaderboardJoinedAt: deps.clock.now() },
      select: { nickname: true },
    });
    return { nickname: user.nickname ?? nickname };
  } catch (err) {
    // Two users asking for the same nickname at once: the unique index decides.
    if (isUniqueViolation(err)) throw nicknameTaken(nickname);
    throw err;
  }
}

const nicknameTaken = (nickname: string) =>
  new AppError("CONFLICT", `the nickname ${nickname} is taken`, { details: { reason: "nickname_taken", nickname } });
