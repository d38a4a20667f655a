import { type Decimal, dec } from "../platform/decimal.ts";
import { type AchievementCode, tradeCountAchievements } from "./achievements.ts";
import { awardAchievementsIn } from "./award-achievement.ts";
import { awardXpIn } from "./award-xp.ts";
import type { Writer } from "./community-outbox.ts";
import { type XpKind, xpKey } from "./xp-rules.ts";

interface ClaimedTrade {
  id: string;
  userId: string;
  exchange: string;
  referredById: string | null;
  ownStrategy: boolean;
  entryAmount: string;
  entryPrice: string | null;
  leverage: number | null;
  realisedPnl: string;
  fees: string;
  openedAt: Date;
  closedAt: Date | null;
}

/** What one closed trade adds to its user's aggregates: PnL net of fees, and the margin it used. */
export function tradeFigures(t: {
  entryAmount: string;
  entryPrice: string | null;
  leverage: number | null;
  realisedPnl: string;
  fees: string;
}): { pnl: Decimal; margin: Decimal } | null {
  const amount = dec(t.entryAmount);
  // Nothing filled (an expired entry): no copied trade, nothing to count.
  if (amount.lte(0) || t.entryPrice === null) return null;
  const leverage = t.leverage && t.leverage > 0 ? t.leverage : 1;
  return { pnl: dec(t.realisedPnl).sub(dec(t.fees)), margin: amount.mul(dec(t.entryPrice)).div(leverage) };
}

export type ScoreOutcome = "scored" | "empty" | "taken";

/**
 * Scores one closed trade inside the caller's transaction: XP, achievements, the user's DailyReturn of the UTC day
 * it closed, the TournamentEntry of every tournament whose window holds both its opening and its close, then
 * `scoredAt`. A trade of the user's own strategy adds to the figures but earns no XP nor achievement. The row is
 * claimed with SKIP LOCKED and must still be unscored, so two workers never both count it, and a crash part-way
 * leaves it unscored as a whole (the transaction rolls back). "taken": already scored, or being scored by another
 * worker; "empty": nothing filled, marked scored without counting.
 */
export async function scoreTradeIn(tx: Writer, tradeId: string, now: Date): Promise<ScoreOutcome> {
  // Claimed and marked in one statement: the mark commits with the counting below, or neither does.
  const [trade] = await tx.$queryRaw<ClaimedTrade[]>`
    WITH claimed AS (
      SELECT "id" FROM "Trade"
      WHERE "id" = ${tradeId} AND "status" = 'closed' AND "scoredAt" IS NULL
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Trade" t SET "scoredAt" = ${now}
    FROM claimed c, "ExchangeAccount" a, "User" u, "Strategy" s
    WHERE t."id" = c."id" AND a."id" = t."accountId" AND u."id" = a."userId" AND s."id" = t."strategyId"
    RETURNING t."id", a."userId", a."exchange", u."referredById", t."entryAmount"::text AS "entryAmount",
      t."entryPrice"::text AS "entryPrice", t."leverage", t."realisedPnl"::text AS "realisedPnl",
      t."fees"::text AS "fees", t."openedAt", t."closedAt",
      COALESCE(s."ownerUserId" = a."userId", false) AS "ownStrategy"`;
  if (!trade) return "taken";
  const figures = tradeFigures(trade);
  if (!figures) return "empty";
  await count(tx, trade, figures, now);
  return "scored";
}

async function count(tx: Writer, trade: ClaimedTrade, f: { pnl: Decimal; margin: Decimal }, now: Date) {
  const { userId } = trade;
  const closedAt = trade.closedAt ?? now;
  const pnl = f.pnl.toString();
  const margin = f.margin.toString();
  const day = closedAt.toISOString().slice(0, 10);
  await tx.$executeRaw`
    INSERT INTO "DailyReturn" ("userId", "day", "pnl", "margin", "trades")
    VALUES (${userId}, ${day}::date, ${pnl}::numeric, ${margin}::numeric, 1)
    ON CONFLICT ("userId", "day") DO UPDATE SET
      "pnl" = "DailyReturn"."pnl" + EXCLUDED."pnl",
      "margin" = "DailyReturn"."margin" + EXCLUDED."margin",
      "trades" = "DailyReturn"."trades" + 1`;
  // Only trades opened and closed inside the window count (a position carried in from before the start does not);
  // standings are frozen once a tournament's results are posted.
  const entries = await tx.$queryRaw<{ tournamentId: string }[]>`
    UPDATE "TournamentEntry" e SET
      "pnl" = e."pnl" + ${pnl}::numeric, "margin" = e."margin" + ${margin}::numeric, "trades" = e."trades" + 1
    FROM "Tournament" t
    WHERE t."id" = e."tournamentId" AND e."userId" = ${userId}
      AND t."startsAt" <= ${trade.openedAt} AND t."endsAt" >= ${closedAt} AND t."resultsPostedAt" IS NULL
    RETURNING e."tournamentId"`;

  // A provider can send their own strategy's signals at will: its trades count as returns, but earn nothing.
  if (trade.ownStrategy) return;
  const profit = f.pnl.gt(0);
  const awards: { kind: XpKind; key: string }[] = [{ kind: "trade_closed", key: xpKey.tradeClosed(trade.id) }];
  if (profit) awards.push({ kind: "trade_profit", key: xpKey.tradeProfit(trade.id) });
  await awardXpIn(tx, { userId, awards }, now);

  // The trades that earned XP are the copied ones (not the user's own strategy's), whatever the days hold.
  const [total] = await tx.$queryRaw<{ trades: number }[]>`
    SELECT count(*)::int AS "trades" FROM "XpEvent" WHERE "userId" = ${userId} AND "kind" = 'trade_closed'`;
  const codes: AchievementCode[] = tradeCountAchievements(total?.trades ?? 1);
  if (profit) codes.push("first_profit");
  if (f.margin.gt(0) && f.pnl.gte(f.margin)) codes.push("big_win");
  if (entries.length) codes.push("tournament_player");
  await awardAchievementsIn(tx, { userId, codes }, now);

  // The referrer's reward comes from a live account: paper accounts cost nothing to open, so referred users
  // made up for the purpose would earn it too.
  if (trade.referredById && trade.exchange !== "paper") {
    const referrer = trade.referredById;
    const award = await awardXpIn(tx, { userId: referrer, kind: "referral", key: xpKey.referral(userId) }, now);
    if (award.awarded) await awardAchievementsIn(tx, { userId: referrer, codes: ["referral"] }, now);
  }
}
