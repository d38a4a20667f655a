import type { Tournament } from "../../../generated/prisma/client.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { pickTournament } from "./pick-tournament.ts";
import { type Standing, tournamentStandings } from "./tournament-standings.ts";

export interface TournamentView {
  tournament: Tournament;
  status: "upcoming" | "running" | "ended";
  participants: number;
  ranked: number;
  top: Standing[];
  /** The asker: joined or not, and their place once they have the minimum trades. */
  joined: boolean;
  me: Standing | null;
  myTrades: number;
}

/** /tournament: the current tournament's standings (top 10) and the asker's place. Null: there is none. */
export async function showTournament(
  input: { userId: string },
  deps: { db: DbClient; clock: Clock },
): Promise<TournamentView | null> {
  const now = deps.clock.now();
  const t = await pickTournament(deps, now);
  if (!t) return null;
  const status = now < t.startsAt ? "upcoming" : now < t.endsAt ? "running" : "ended";
  const [standings, participants, mine] = await Promise.all([
    tournamentStandings(
      { tournamentId: t.id, minTrades: t.minTrades, final: !!t.resultsPostedAt, userId: input.userId },
      deps,
    ),
    deps.db.tournamentEntry.count({ where: { tournamentId: t.id } }),
    deps.db.tournamentEntry.findUnique({
      where: { tournamentId_userId: { tournamentId: t.id, userId: input.userId } },
    }),
  ]);
  return {
    tournament: t,
    status,
    participants,
    ranked: standings.ranked,
    top: standings.top,
    joined: !!mine,
    me: standings.me,
    myTrades: mine?.trades ?? 0,
  };
}
