import type { Logger } from "pino";
import { REACHABLE } from "../../notifications/queue-notifications.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { awardAchievement } from "../award-achievement.ts";
import type { Writer } from "../community-outbox.ts";
import { unscoredTradesBefore } from "../score-closed-trades.ts";
import { finalRanksSql } from "./tournament-standings.ts";

/** The places the results name (the podium); first place gets the winner's achievement. */
export const TOURNAMENT_WINNERS = 3;
export const TOURNAMENT_WINNER_ACHIEVEMENT = "tournament_winner";

/**
 * The scoring sweep counts a trade closed just before the end a little after it: results wait this long past
 * `endsAt`, so the last minutes' trades are in the final ranks.
 */
export const RESULTS_GRACE_MS = 5 * 60_000;
/** Results wait at most this long for trades closed before the end to be scored. */
const MAX_SCORING_WAIT_MS = 24 * 3600_000;

export type AwardAchievement = (
  input: { userId: string; code: string },
  deps: { db: DbClient; clock: Clock; tx: Writer },
) => Promise<unknown>;

export interface FinishDeps {
  db: DbClient;
  clock: Clock;
  logger: Pick<Logger, "info" | "warn">;
  /** core/community/award-achievement.ts unless a test passes its own. */
  awardAchievement?: AwardAchievement;
}

/**
 * The end of tournaments (a worker's periodic job; any number of workers may run it): for each tournament past
 * its end and grace without results, one transaction claims it (sets `resultsPostedAt` where it is still null),
 * writes the final ranks, and puts the results in the Notification outbox: one row per participant and one per
 * bound community channel (Telegram chat or Discord channel, `via`/`chat` in the payload), each keyed so a second
 * run writes nothing, and the winner's achievement: all or nothing, so a crash midway leaves it to the next run.
 * The bots' outbox sweep sends the rows.
 */
export async function finishTournaments(deps: FinishDeps): Promise<{ finished: string[] }> {
  const now = deps.clock.now();
  const award = deps.awardAchievement ?? awardAchievement;
  const due = await deps.db.tournament.findMany({
    where: { resultsPostedAt: null, endsAt: { lte: new Date(now.getTime() - RESULTS_GRACE_MS) } },
    orderBy: { endsAt: "asc" },
    take: 20,
  });
  const finished: string[] = [];
  for (const t of due) {
    // A trade closed before the end whose fees are not read yet would be left out of the final ranks: wait for the
    // scoring sweep, but not past a day (it counts a trade whose fees never come after two days anyway).
    const stuckFor = now.getTime() - t.endsAt.getTime();
    if (stuckFor < MAX_SCORING_WAIT_MS && (await unscoredTradesBefore(deps.db, t.endsAt))) continue;
    const claimed = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.tournament.updateMany({
        where: { id: t.id, resultsPostedAt: null },
        data: { resultsPostedAt: now },
      });
      if (!count) return false;
      await tx.$executeRaw(finalRanksSql(t.id, t.minTrades));
      await tx.$executeRaw`
        INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
        SELECT gen_random_uuid()::text, e."userId", 'tournament', 'tournament:' || e."tournamentId" || ':' || e."userId",
          jsonb_build_object('tournamentId', e."tournamentId"), ${now}
        FROM "TournamentEntry" e JOIN "User" u ON u."id" = e."userId"
        WHERE e."tournamentId" = ${t.id} AND ${REACHABLE}
        ON CONFLICT ("dedupeKey") DO NOTHING`;
      // A channel post needs a user row to hang on (Notification.userId): the winner's, else any participant's.
      // A tournament nobody joined has nothing to announce.
      await tx.$executeRaw`
        INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
        SELECT gen_random_uuid()::text, p."userId", 'tournament',
          'tournament:' || ${t.id} || ':channel:' || c."transport"::text || ':' || c."chatId",
          jsonb_build_object('tournamentId', ${t.id}::text, 'via', c."transport"::text, 'chat', c."chatId"), ${now}
        FROM "CommunityChannel" c
        CROSS JOIN (
          SELECT e."userId" FROM "TournamentEntry" e WHERE e."tournamentId" = ${t.id}
          ORDER BY e."rank" NULLS LAST, e."joinedAt" LIMIT 1
        ) p
        ON CONFLICT ("dedupeKey") DO NOTHING`;
      const winner = await tx.tournamentEntry.findFirst({ where: { tournamentId: t.id, rank: 1 } });
      if (winner) await award({ userId: winner.userId, code: TOURNAMENT_WINNER_ACHIEVEMENT }, { ...deps, tx });
      return true;
    });
    if (!claimed) continue;
    finished.push(t.id);
    deps.logger.info({ tournamentId: t.id, name: t.name }, "tournament results posted");
  }
  return { finished };
}
