import { Prisma } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../../platform/db-client.ts";

/** A participant's place: return on equity (pnl ÷ margin) over trades opened and closed inside the window. */
export interface Standing {
  rank: number;
  userId: string;
  /** Only a nickname the user chose on the leaderboard; null is shown as "anonymous". */
  nickname: string | null;
  pnl: string;
  roe: string;
  trades: number;
}

// Ties go to more trades, then to who joined first: a rank is never shared, so "the winners" is well defined.
const ORDER = Prisma.sql`e."pnl" / e."margin" DESC, e."trades" DESC, e."joinedAt", e."userId"`;

/**
 * The ranked participants of a tournament: those with at least its `minTrades` trades in the window. Ranked
 * live from TournamentEntry (one row per participant, kept by the scoring sweep): the top N by a top-N sort, the
 * count, and the asker's place as one more than those ranked before them (no window function over everyone).
 * Once results are posted, the final ranks written then, so a late increment never reorders a finished one.
 */
export async function tournamentStandings(
  input: { tournamentId: string; minTrades: number; final: boolean; limit?: number; userId?: string },
  deps: { db: DbClient },
): Promise<{ top: Standing[]; ranked: number; me: Standing | null }> {
  const limit = input.limit ?? 10;
  const { db } = deps;
  // A nickname only while its owner consents to be shown (a nickname is cleared on leaving anyway).
  const columns = Prisma.sql`e."userId",
    CASE WHEN u."leaderboardJoinedAt" IS NOT NULL THEN u."nickname" END AS "nickname", e."pnl"::text AS "pnl",
    CASE WHEN e."margin" > 0 THEN (e."pnl" / e."margin")::text ELSE '0' END AS "roe", e."trades"`;
  if (input.final) {
    const where = Prisma.sql`e."tournamentId" = ${input.tournamentId} AND e."rank" IS NOT NULL`;
    const [top, count, mine] = await Promise.all([
      db.$queryRaw<Standing[]>`SELECT ${columns}, e."rank" FROM "TournamentEntry" e JOIN "User" u ON u."id" = e."userId"
        WHERE ${where} ORDER BY e."rank" LIMIT ${limit}`,
      db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "TournamentEntry" e WHERE ${where}`,
      input.userId
        ? db.$queryRaw<Standing[]>`SELECT ${columns}, e."rank" FROM "TournamentEntry" e
            JOIN "User" u ON u."id" = e."userId" WHERE ${where} AND e."userId" = ${input.userId}`
        : Promise.resolve([]),
    ]);
    return { top, ranked: count[0]?.n ?? 0, me: mine[0] ?? null };
  }
  const qualified = Prisma.sql`e."tournamentId" = ${input.tournamentId} AND e."trades" >= ${input.minTrades}
    AND e."margin" > 0`;
  const [top, count, mine] = await Promise.all([
    db.$queryRaw<Omit<Standing, "rank">[]>`SELECT ${columns} FROM "TournamentEntry" e
      JOIN "User" u ON u."id" = e."userId" WHERE ${qualified} ORDER BY ${ORDER} LIMIT ${limit}`,
    db.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "TournamentEntry" e WHERE ${qualified}`,
    input.userId
      ? db.$queryRaw<Standing[]>`SELECT ${columns}, (1 + (
            SELECT COUNT(*) FROM "TournamentEntry" o
            WHERE o."tournamentId" = e."tournamentId" AND o."trades" >= ${input.minTrades} AND o."margin" > 0
              AND (-(o."pnl" / o."margin"), -o."trades", o."joinedAt", o."userId")
                < (-(e."pnl" / e."margin"), -e."trades", e."joinedAt", e."userId")
          ))::int AS "rank"
          FROM "TournamentEntry" e JOIN "User" u ON u."id" = e."userId"
          WHERE ${qualified} AND e."userId" = ${input.userId}`
      : Promise.resolve([]),
  ]);
  return { top: top.map((s, i) => ({ ...s, rank: i + 1 })), ranked: count[0]?.n ?? 0, me: mine[0] ?? null };
}

/** Final ranks for a tournament that ended, in the order tournamentStandings ranks a running one. */
export function finalRanksSql(tournamentId: string, minTrades: number) {
  return Prisma.sql`
    UPDATE "TournamentEntry" t SET "rank" = r."rank"
    FROM (
      SELECT e."userId", ROW_NUMBER() OVER (ORDER BY ${ORDER})::int AS "rank"
      FROM "TournamentEntry" e
      WHERE e."tournamentId" = ${tournamentId} AND e."trades" >= ${minTrades} AND e."margin" > 0
    ) r
    WHERE t."tournamentId" = ${tournamentId} AND t."userId" = r."userId"`;
}
