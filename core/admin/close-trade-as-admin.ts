import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { createExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import type { LiveEventPublisher } from "../platform/live-events.ts";
import type { Sql } from "../platform/sql.ts";
import { closeTrade } from "../trades/close-trade.ts";
import { type AdminActor, writeAdminAudit } from "./audit.ts";

/** One close per trade, however often the operator clicks: "mm" + 28 hex + "-xa", like every Mimic client id. */
export const adminCloseId = (tradeId: string) =>
  `mm${createHash("sha256").update(`admin|${tradeId}`).digest("hex").slice(0, 28)}-xa`;

/**
 * An operator closes one trade through the trades' own close path (TP/SL cancelled first, then exactly the open
 * amount, reduce-only, under one client order id), reason "admin". Audited before the exchange is asked, so an
 * attempt that fails on the way is on record too.
 */
export async function closeTradeAsAdmin(
  input: { tradeId: string },
  deps: {
    db: DbClient;
    sql: Sql;
    exchanges: () => Promise<ExchangeResolver>;
    logger: Logger;
    who: AdminActor;
    events?: LiveEventPublisher;
  },
): Promise<{ userId: string; status: string; pnl: string }> {
  const { db } = deps;
  const trade = await db.trade.findUnique({
    where: { id: input.tradeId },
    include: { account: { select: { id: true, exchange: true, credentials: true, userId: true } } },
  });
  if (!trade) throw new AppError("NOT_FOUND", `trade ${input.tradeId} does not exist`);
  if (trade.status === "closed") throw new AppError("CONFLICT", "that trade is already closed");
  if (trade.status === "opening") throw new AppError("CONFLICT", "that trade's entry is still being placed");
  const clientOrderId = adminCloseId(trade.id);
  const existing = await db.order.findUnique({ where: { clientOrderId } });
  // Another close (a signal's, a panic's, a guardrail's) has it in hand: a second one would only race it.
  if (trade.status === "closing" && !existing) throw new AppError("CONFLICT", "that trade is already being closed");
  await writeAdminAudit(
    {
      action: "admin.trade.closed",
      userId: trade.account.userId,
      accountId: trade.accountId,
      details: { tradeId: trade.id, symbol: trade.symbol, side: trade.side },
    },
    deps,
  );
  const exchange = (await deps.exchanges()).forAccount(trade.account);
  const ledger = createExecutionLedger(db, deps.sql, { events: deps.events });
  const closed = await closeTrade(
    {
      tradeId: trade.id,
      reason: "admin",
      executionId: null,
      clientOrderId,
      kind: "exit",
      existing,
      lastAttempt: true,
    },
    { db, ledger, exchange, logger: deps.logger },
  );
  return {
    userId: trade.account.userId,
    status: closed.trade.status,
    pnl: dec(closed.trade.realisedPnl).sub(dec(closed.trade.fees)).toFixed(2),
  };
}
