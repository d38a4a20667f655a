import type { Logger } from "pino";
import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import type { Sql } from "../platform/sql.ts";
import type { GuardrailCheck } from "./check-guardrails.ts";
import { closeGuardedTrades, type GuardedClose } from "./close-guarded-trades.ts";
import type { HaltReason } from "./guardrail-state.ts";
import { nextUtcMidnight } from "./utc-day.ts";

export interface GuardrailTrip {
  /** False when the account was already halted: another turn tripped it first, and told the follower. */
  first: boolean;
  haltedUntil: Date;
  closes: GuardedClose[];
}

/**
 * A guardrail has tripped. First, in one transaction that only one trip a day wins: no entries until the next
 * 00:00 UTC (haltedUntil, haltReason, read by the copying load query) and the audit row with the figures that
 * decided it. Then the account's open Mimic trades are closed (closeGuardedTrades), and what that did is audited
 * too. The follower is told by the outbox sweep (core/notifications/queue-notifications.ts), which finds the halt.
 */
export async function tripGuardrail(
  input: {
    account: { id: string; userId: string };
    reason: HaltReason;
    day: string;
    now: Date;
    startEquity: Decimal;
    realised: Decimal;
    unrealised: Decimal;
    check: GuardrailCheck;
    marks?: ReadonlyMap<string, Decimal>;
  },
  deps: { db: DbClient; sql: Sql; exchange: ExchangeClient; logger: Logger },
): Promise<GuardrailTrip> {
  const { db } = deps;
  const { account, check } = input;
  const haltedUntil = nextUtcMidnight(input.now);
  const open = await db.trade.findMany({
    where: { accountId: account.id, status: { in: ["opening", "open", "closing"] } },
    select: { id: true, symbol: true, side: true, openAmount: true },
  });
  const first = await db.$transaction(async (tx) => {
    const { count } = await tx.exchangeAccount.updateMany({
      where: { id: account.id, OR: [{ haltedUntil: null }, { haltedUntil: { lte: input.now } }] },
      data: { haltedUntil, haltReason: input.reason },
    });
    if (count === 0) return false;
    await tx.auditLog.create({
      data: {
        userId: account.userId,
        actor: "system:guardrail",
        action: "guardrail.tripped",
        accountId: account.id,
        details: {
          reason: input.reason,
          day: input.day,
          haltedUntil: haltedUntil.toISOString(),
          startEquity: input.startEquity.toString(),
          realised: input.realised.toString(),
          unrealised: input.unrealised.toString(),
          pnl: check.pnl.toString(),
          pnlPerc: check.pnlPerc?.toFixed(4) ?? null,
          limitPerc: check.limitPerc?.toString() ?? null,
          equity: check.equity.toString(),
          trades: open.map((t) => ({ id: t.id, symbol: t.symbol, side: t.side, openAmount: t.openAmount.toString() })),
        },
      },
    });
    return true;
  });
  const closes = await closeGuardedTrades({ accountId: account.id, marks: input.marks }, deps);
  if (first) {
    deps.logger.warn(
      { accountId: account.id, reason: input.reason, pnl: check.pnl.toString(), closes: closes.length },
      "daily guardrail tripped: entries halted, trades closed",
    );
  }
  if (closes.length) await auditCloses(db, account, closes);
  return { first, haltedUntil, closes };
}

export function auditCloses(db: DbClient, account: { id: string; userId: string }, closes: GuardedClose[]) {
  return db.auditLog.create({
    data: {
      userId: account.userId,
      actor: "system:guardrail",
      action: "guardrail.closed",
      accountId: account.id,
      details: JSON.parse(JSON.stringify({ closes })),
    },
  });
}
