import type { Tournament } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";

/**
 * The tournament a follower means by "/tournament": the one running now, else the next to start, else the last
 * that ended. Null when there has never been one.
 */
export async function pickTournament(deps: { db: DbClient }, now: Date): Promise<Tournament | null> {
  const running = await deps.db.tournament.findFirst({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { endsAt: "asc" },
  });
  if (running) return running;
  const next = await deps.db.tournament.findFirst({ where: { startsAt: { gt: now } }, orderBy: { startsAt: "asc" } });
  if (next) return next;
  return deps.db.tournament.findFirst({ where: { endsAt: { lte: now } }, orderBy: { endsAt: "desc" } });
}
