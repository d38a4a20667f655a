import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { tournamentStandings } from "./tournament-standings.ts";

/** GET /api/admin/tournaments: newest first, with how many joined. */
export async function listTournaments(deps: { db: DbClient }) {
  const rows = await deps.db.tournament.findMany({
    orderBy: { startsAt: "desc" },
    take: 200,
    include: { _count: { select: { entries: true } } },
  });
  return {
    tournaments: rows.map(({ _count, ...t }) => ({ ...t, participants: _count.entries })),
  };
}

/** GET /api/admin/tournaments/:id: the tournament and its standings (final once results were posted). */
export async function getTournament(input: { tournamentId: string; limit?: number }, deps: { db: DbClient }) {
  const t = await deps.db.tournament.findUnique({
    where: { id: input.tournamentId },
    include: { _count: { select: { entries: true } } },
  });
  if (!t) throw new AppError("NOT_FOUND", "no such tournament");
  const { _count, ...tournament } = t;
  const standings = await tournamentStandings(
    { tournamentId: t.id, minTrades: t.minTrades, final: !!t.resultsPostedAt, limit: input.limit ?? 100 },
    deps,
  );
  return { ...tournament, participants: _count.entries, ranked: standings.ranked, standings: standings.top };
}
