import type { Logger } from "pino";
import type { ExchangeClient, Position } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, decOrNull } from "../platform/decimal.ts";
import type { Sql } from "../platform/sql.ts";
import { checkGuardrails, type GuardrailCheck } from "./check-guardrails.ts";
import { closeGuardedTrades } from "./close-guarded-trades.ts";
import { realisedSince, unrealisedOf } from "./day-pnl.ts";
import { auditCloses, type GuardrailTrip, tripGuardrail } from "./trip-guardrail.ts";
import { utcDay, utcDayStart } from "./utc-day.ts";

export interface GuardOutcome {
  /** The account was halted already: only its leftover trades were seen to. */
  halted: boolean;
  check?: GuardrailCheck;
  trip?: GuardrailTrip;
}

/**
 * The daily guardrails' part of an account's reconciliation turn, for accounts with a limit set (or a halt in
 * force). Equity is measured from what the turn already has, at no request of its own:
 *
 * - the day's starting equity: the wallet balance (deposits plus realised PnL, without open positions' PnL) read
 *   once per account per UTC day, at its first turn that day, less what Mimic's trades realised since 00:00 UTC by
 *   then. So it is the wallet as it stood at 00:00 whenever in the day it is read (a guardrail set at noon measures
 *   from midnight too), and a turn later that day asks nothing;
 * - the day's PnL: what Mimic's trades realised since 00:00 UTC (their fills, net of fees; database) plus the
 *   unrealised PnL of their positions as this turn's one positions request read them.
 *
 * A position held over midnight counts its whole open PnL on the new day, as the starting equity is a wallet
 * balance (prop-firm style: balance at the day's start against current equity). Past a limit: tripGuardrail.
 * While halted, a Mimic trade still open (an entry that was in flight, a close that failed) is closed.
 */
export async function guardAccount(
  input: {
    accountId: string;
    trades: readonly { symbol: string; side: string; status: string; openAmount: string }[];
    /** What this turn's positions request answered; null when the turn made none (no open trade to compare). */
    positions: readonly Position[] | null;
  },
  deps: { db: DbClient; sql: Sql; exchange: ExchangeClient; logger: Logger; now: Date },
): Promise<GuardOutcome> {
  const { db, now } = deps;
  const account = await db.exchangeAccount.findUniqueOrThrow({
    where: { id: input.accountId },
    select: {
      id: true,
      userId: true,
      dailyLossLimitPerc: true,
      dailyProfitLockPerc: true,
      guardDay: true,
      guardDayStartEquity: true,
      haltedUntil: true,
    },
  });
  const marks = new Map<string, Decimal>();
  for (const p of input.positions ?? []) if (p.markPrice) marks.set(p.symbol, p.markPrice);

  if (account.haltedUntil && account.haltedUntil > now) {
    if (input.trades.some((t) => t.status !== "closed")) {
      const closes = await closeGuardedTrades({ accountId: account.id, marks }, deps);
      if (closes.length) await auditCloses(db, account, closes);
    }
    return { halted: true };
  }
  const lossLimitPerc = decOrNull(account.dailyLossLimitPerc);
  const profitLockPerc = decOrNull(account.dailyProfitLockPerc);
  // A halt that ran out is cleared here, so the row says what is in force.
  if (account.haltedUntil) await db.exchangeAccount.update({ where: { id: account.id }, data: clearedHalt });
  if (!lossLimitPerc && !profitLockPerc) return { halted: false };

  const day = utcDay(now);
  const realised = await realisedSince(db, account.id, utcDayStart(now));
  let startEquity = decOrNull(account.guardDayStartEquity);
  if (account.guardDay !== day || !startEquity) {
    const balance = await deps.exchange.fetchBalance();
    const wallet = balance.wallet ?? balance.total;
    startEquity = wallet.sub(realised);
    await db.exchangeAccount.update({
      where: { id: account.id },
      data: { guardDay: day, guardDayStartEquity: startEquity.toString() },
    });
    await db.auditLog.create({
      data: {
        userId: account.userId,
        actor: "system:guardrail",
        action: "guardrail.day_started",
        accountId: account.id,
        details: {
          day,
          wallet: wallet.toString(),
          realisedSinceMidnight: realised.toString(),
          startEquity: startEquity.toString(),
        },
      },
    });
  }
  const open = input.trades.filter((t) => t.status !== "closed");
  const unrealised = input.positions ? unrealisedOf(open, input.positions) : new Decimal(0);
  const check = checkGuardrails({ startEquity, realised, unrealised, lossLimitPerc, profitLockPerc });
  if (!check.tripped) return { halted: false, check };
  const trip = await tripGuardrail(
    { account, reason: check.tripped, day, now, startEquity, realised, unrealised, check, marks },
    deps,
  );
  return { halted: true, check, trip };
}

const clearedHalt = { haltedUntil: null, haltReason: null };
