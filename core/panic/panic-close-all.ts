import { createHash, randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Trade } from "../../generated/prisma/client.ts";
import type { CredentialCipher } from "../accounts/credential-cipher.ts";
import type { OrderResult } from "../exchange/exchange.ts";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { toAppError } from "../platform/errors.ts";
import type { LiveEventPublisher } from "../platform/live-events.ts";
import { requireTwoFactorCode } from "../security/two-factor.ts";
import { applyTradeFills, closeTradeRecord } from "../trades/trade-store.ts";

export interface PanicAccountReport {
  account: { id: string; exchange: string; label: string | null };
  closed: { symbol: string; side: "long" | "short"; amount: Decimal; price?: Decimal }[];
  /** Symbols whose open orders (TP/SL included) were cancelled. */
  canceledIn: string[];
  errors: { symbol?: string; code: string; message: string }[];
}

export interface PanicReport {
  panicId: string;
  pausedSubscriptions: number;
  accounts: PanicAccountReport[];
}

/**
 * The emergency stop: with a current TOTP code, pauses every subscription of the user (so no signal reopens
 * anything), then cancels every open order in every symbol and closes every open position on each active
 * account; Mimic's trades there end with reason "panic". One account
 * failing does not stop the others; every panic, whatever its outcome, is in the audit log.
 */
export async function panicCloseAll(
  input: { userId: string; code: string },
  deps: {
    db: DbClient;
    cipher: CredentialCipher;
    exchanges: ExchangeResolver;
    clock: Clock;
    logger: Logger;
    /** Where "trade closed" is announced (the admin page's live view); none in tests. */
    events?: LiveEventPublisher;
  },
): Promise<PanicReport> {
  const { db } = deps;
  try {
    await requireTwoFactorCode(input, deps);
  } catch (err) {
    await audit(db, input.userId, "panic.refused", { reason: toAppError(err).code });
    throw err;
  }
  const panicId = randomUUID();
  const paused = await db.subscription.updateMany({
    where: { status: "active", account: { userId: input.userId } },
    data: { status: "paused" },
  });
  const accounts = await db.exchangeAccount.findMany({
    where: { userId: input.userId, status: "active" },
    orderBy: { createdAt: "asc" },
    select: { id: true, exchange: true, label: true, credentials: true },
  });
  const reports = await Promise.all(accounts.map((a) => panicAccount(panicId, a, deps)));
  const report = { panicId, pausedSubscriptions: paused.count, accounts: reports };
  await audit(db, input.userId, "panic", {
    panicId,
    pausedSubscriptions: paused.count,
    accounts: reports.map((r) => ({
      accountId: r.account.id,
      closed: r.closed.map((c) => ({ symbol: c.symbol, side: c.side, amount: c.amount.toString() })),
      canceledIn: r.canceledIn,
      errors: r.errors,
    })),
  });
  deps.logger.warn({ userId: input.userId, panicId, accounts: reports.length }, "panic: closed everything");
  return report;
}

async function panicAccount(
  panicId: string,
  account: { id: string; exchange: string; label: string | null; credentials: string | null },
  deps: { db: DbClient; exchanges: ExchangeResolver; logger: Logger; events?: LiveEventPublisher },
): Promise<PanicAccountReport> {
  const { db } = deps;
  const report: PanicAccountReport = {
    account: { id: account.id, exchange: account.exchange, label: account.label },
    closed: [],
    canceledIn: [],
    errors: [],
  };
  // First, so an entry already on its way closes what it fills instead of protecting it (see openTrade).
  await db.trade.updateMany({
    where: { accountId: account.id, status: { in: ["opening", "open"] } },
    data: { status: "closing", closeReason: "panic" },
  });
  const trades = await db.trade.findMany({ where: { accountId: account.id, status: "closing" } });
  try {
    const exchange = deps.exchanges.forAccount(account);
    // Every open order on the account, in every symbol: not only what Mimic placed.
    const [open, ours] = await Promise.all([
      exchange.fetchOpenOrders(),
      db.order.findMany({
        where: {
          status: { in: ["open", "sending"] },
          OR: [{ execution: { accountId: account.id } }, { trade: { accountId: account.id } }],
        },
        select: { symbol: true },
        distinct: ["symbol"],
      }),
    ]);
    const symbols = new Set([...open.map((o) => o.symbol), ...ours.map((o) => o.symbol)]);
    for (const symbol of symbols) {
      try {
        await exchange.cancelAllOrders(symbol);
        report.canceledIn.push(symbol);
      } catch (err) {
        const e = toAppError(err);
        report.errors.push({ symbol, code: e.code, message: e.message });
      }
    }
    if (report.canceledIn.length) {
      await db.order.updateMany({
        where: {
          status: { in: ["open", "sending"] },
          kind: { in: ["take_profit", "stop_loss"] },
          symbol: { in: report.canceledIn },
          OR: [{ execution: { accountId: account.id } }, { trade: { accountId: account.id } }],
        },
        data: { status: "canceled" },
      });
    }
    const positions = await exchange.fetchPositions();
    const results = new Map<string, OrderResult>();
    for (const p of positions) {
      try {
        const result = await exchange.closePosition(
          p.symbol,
          panicOrderId(panicId, account.id, p.symbol),
          p.markPrice ?? p.entryPrice,
        );
        if (!result) continue;
        results.set(p.symbol, result);
        report.closed.push({ symbol: p.symbol, side: p.side, amount: result.filledAmount, price: result.avgPrice });
      } catch (err) {
        const e = toAppError(err);
        report.errors.push({ symbol: p.symbol, code: e.code, message: e.message });
      }
    }
    for (const t of trades) await settleTrade(t, results.get(t.symbol), report, deps);
  } catch (err) {
    const e = toAppError(err);
    report.errors.push({ code: e.code, message: e.message });
  }
  return report;
}

/** The trade's share of the panic's close is its exit; its fees follow when reconciliation reads the fills. */
async function settleTrade(
  trade: Trade,
  result: OrderResult | undefined,
  report: PanicAccountReport,
  deps: { db: DbClient; logger: Logger; events?: LiveEventPublisher },
) {
  if (report.errors.some((e) => e.symbol === trade.symbol)) return; // still open: the follower was told
  if (result?.avgPrice && result.filledAmount.gt(0)) {
    const amount = Decimal.min(result.filledAmount, dec(trade.openAmount));
    await applyTradeFills(deps.db, trade.id, [
      {
        key: `order:${result.exchangeOrderId || result.clientOrderId}`,
        exchangeOrderId: result.exchangeOrderId || result.clientOrderId,
        kind: "exit",
        side: result.side,
        amount,
        price: result.avgPrice,
        at: new Date(),
      },
    ]);
  }
  await closeTradeRecord(deps.db, trade.id, "panic", new Date(), deps.events);
}

const panicOrderId = (panicId: string, accountId: string, symbol: string) =>
  `mmp${createHash("sha256").update(`${panicId}|${accountId}|${symbol}`).digest("hex").slice(0, 28)}`;

function audit(db: DbClient, userId: string, action: string, details: object) {
  return db.auditLog.create({
    data: { userId, actor: `user:${userId}`, action, details: JSON.parse(JSON.stringify(details)) },
  });
}
