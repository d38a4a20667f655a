import type { Prisma } from "../../generated/prisma/client.ts";
import { levelFor } from "./levels.ts";

/**
 * Moves what the community ledger keeps for `from` onto `into` when two chat identities become one user
 * (core/accounts/merge-users.ts), before `from` is deleted (its rows would go with it): XP events and the XP total,
 * achievements (the earlier award kept), daily returns and tournament figures (added together), and referrals.
 * The level is what the summed XP reaches, never lower than either had; no level-up is told for it.
 */
export async function mergeCommunity(input: { from: string; into: string }, tx: Prisma.TransactionClient) {
  const { from, into } = input;
  await tx.$executeRaw`UPDATE "XpEvent" SET "userId" = ${into} WHERE "userId" = ${from}`;
  const users = await tx.user.findMany({ where: { id: { in: [from, into] } }, select: { xp: true, level: true } });
  const xp = users.reduce((s, u) => s + u.xp, 0);
  const level = Math.max(levelFor(xp), ...users.map((u) => u.level));
  await tx.user.update({ where: { id: into }, data: { xp, level } });
  await tx.$executeRaw`
    INSERT INTO "UserAchievement" ("userId", "code", "awardedAt")
    SELECT ${into}, "code", "awardedAt" FROM "UserAchievement" WHERE "userId" = ${from}
    ON CONFLICT ("userId", "code") DO UPDATE SET "awardedAt" = LEAST("UserAchievement"."awardedAt", EXCLUDED."awardedAt")`;
  await tx.$executeRaw`
    INSERT INTO "DailyReturn" ("userId", "day", "pnl", "margin", "trades")
    SELECT ${into}, "day", "pnl", "margin", "trades" FROM "DailyReturn" WHERE "userId" = ${from}
    ON CONFLICT ("userId", "day") DO UPDATE SET
      "pnl" = "DailyReturn"."pnl" + EXCLUDED."pnl",
      "margin" = "DailyReturn"."margin" + EXCLUDED."margin",
      "trades" = "DailyReturn"."trades" + EXCLUDED."trades"`;
  await tx.$executeRaw`
    INSERT INTO "TournamentEntry" ("tournamentId", "userId", "joinedAt", "pnl", "margin", "trades", "rank")
    SELECT "tournamentId", ${into}, "joinedAt", "pnl", "margin", "trades", "rank" FROM "TournamentEntry"
    WHERE "userId" = ${from}
    ON CONFLICT ("tournamentId", "userId") DO UPDATE SET
      "joinedAt" = LEAST("TournamentEntry"."joinedAt", EXCLUDED."joinedAt"),
      "pnl" = "TournamentEntry"."pnl" + EXCLUDED."pnl",
      "margin" = "TournamentEntry"."margin" + EXCLUDED."margin",
      "trades" = "TournamentEntry"."trades" + EXCLUDED."trades"`;
  // Whoever `from` brought in was brought in by the merged user; one cannot have referred oneself.
  await tx.user.updateMany({ where: { referredById: from, id: { not: into } }, data: { referredById: into } });
}
