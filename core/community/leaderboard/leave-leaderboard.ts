import type { DbClient } from "../../platform/db-client.ts";

/**
 * /leaderboard leave: withdraws consent. The nickname is released too, so nothing ties the user to a name that
 * was shown; their returns stay (XP and tournaments read them) but are ranked under no name.
 */
export async function leaveLeaderboard(input: { userId: string }, deps: { db: DbClient }): Promise<{ left: boolean }> {
  const { count } = await deps.db.user.updateMany({
    where: { id: input.userId, leaderboardJoinedAt: { not: null } },
    data: { nickname: null, leaderboardJoinedAt: null },
  });
  return { left: count > 0 };
}
