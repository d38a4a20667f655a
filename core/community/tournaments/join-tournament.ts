import type { Tournament } from "../../../generated/prisma/client.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * /tournament join: enters the next tournament to start. Only before its start: a follower who could join
 * mid-way would choose to after a good day. Joining twice is harmless (the same entry).
 */
export async function joinTournament(
  input: { userId: string },
  deps: { db: DbClient; clock: Clock },
): Promise<{ tournament: Tournament; joined: boolean }> {
  const now = deps.clock.now();
  const next = await deps.db.tournament.findFirst({ where: { startsAt: { gt: now } }, orderBy: { startsAt: "asc" } });
  if (!next) {
    const running = await deps.db.tournament.findFirst({ where: { startsAt: { lte: now }, endsAt: { gt: now } } });
    if (running) {
      throw new AppError("CONFLICT", `${running.name} has already started: joining closed at its start`, {
        details: { reason: "tournament_started", tournament: running.name },
      });
    }
    throw new AppError("NOT_FOUND", "no tournament is open for joining", { details: { reason: "no_tournament" } });
  }
  const { count } = await deps.db.tournamentEntry.createMany({
    data: [{ tournamentId: next.id, userId: input.userId, joinedAt: now }],
    skipDuplicates: true,
  });
  return { tournament: next, joined: count > 0 };
}
