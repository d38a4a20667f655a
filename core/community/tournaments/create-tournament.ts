import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";

export interface TournamentInput {
  name: string;
  startsAt: Date;
  endsAt: Date;
  minTrades: number;
  prize?: string | null;
}

/** An admin's tournament (POST /api/admin/tournaments). Followers join until `startsAt`. */
export async function createTournament(input: TournamentInput, deps: { db: DbClient; clock: { now(): Date } }) {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    throw new AppError("BAD_REQUEST", "endsAt: must be after startsAt", { details: { field: "endsAt" } });
  }
  // Joining closes at the start: a tournament that already began could never be joined.
  if (input.startsAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError("BAD_REQUEST", "startsAt: must be in the future", { details: { field: "startsAt" } });
  }
  return deps.db.tournament.create({
    data: {
      name: input.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      minTrades: input.minTrades,
      prize: input.prize ?? null,
    },
  });
}
