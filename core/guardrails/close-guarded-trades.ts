import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { createExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec } from "../platform/decimal.ts";
import { toAppError } from "../platform/errors.ts";
import type { LiveEventPublisher } from "../platform/live-events.ts";
import type { Sql } from "../platform/sql.ts";
import { closeTrade } from "../trades/close-trade.ts";

export interface GuardedClose {
  tradeId: string;
  symbol: string;
  side: string;
  /** What the trade realised, net of fees, as far as the close's own result tells (fees follow with its fills). */
  pnl?: string;
  error?: { code: string; message: string };
}

/** One close per trade, whatever the number of attempts: "mm" + 28 hex + "-xg", like every Mimic client id. */
export const guardrailCloseId = (tradeId: string) =>
  `mm${createHash("sha256").update(`guardrail|${tradeId}`).digest("hex").slice(0, 28)}-xg`;

/**
 * Closes every open Mimic trade of a halted account through the trades' own close path (closeTrade: TP/SL
 * cancelled first, then exactly the trade's amount, reduce-only, sent at most once under its client order id).
 * A trade another close has in hand (a signal's, a panic's) is left to it. A close that fails or is not filled
 * yet stays as it is; the account's next reconciliation turn, still halted, comes back to it with the same id.
 * The trades end with reason "guardrail" (the audit log says which one, with its figures).
 */
export async function closeGuardedTrades(
  input: { accountId: string; marks?: ReadonlyMap<string, Decimal> },
  deps: { db: DbClient; sql: Sql; exchange: ExchangeClient; logger: Logger },
): Promise<GuardedClose[]> {
  const { db } = deps;
  const trades = await db.trade.findMany({
    where: { accountId: input.accountId, status: { in: ["open", "closing"] } },
    orderBy: { openedAt: "asc" },
  });
  if (!trades.length) return [];
  // The reconciliation turn's deps may carry the live-events bus: the closes then reach the admin page.
  const ledger = createExecutionLedger(db, deps.sql, { events: (deps as { events?: LiveEventPublisher }).events });
  const results: GuardedClose[] = [];
  for (const t of trades) {
    const clientOrderId = guardrailCloseId(t.id);
    const existing = await db.order.findUnique({ where: { clientOrderId } });
    if (t.status === "closing" && !existing) continue;
    const row: GuardedClose = { tradeId: t.id, symbol: t.symbol, side: t.side };
    try {
      const { trade } = await closeTrade(
        {
          tradeId: t.id,
          reason: "guardrail",
          executionId: null,
          clientOrderId,
          kind: "exit",
          existing,
          referencePrice: input.marks?.get(t.symbol),
          // Not filled at once: looked at again on the next turn (ORDER_PENDING), as an execution would.
          lastAttempt: false,
        },
        { db, ledger, exchange: deps.exchange, logger: deps.logger },
      );
      row.pnl = dec(trade.realisedPnl).sub(dec(trade.fees)).toFixed(2);
    } catch (err) {
      const e = toAppError(err);
      row.error = { code: e.code, message: e.message };
      deps.logger.warn({ tradeId: t.id, code: e.code, err: e.message }, "guardrail close failed; next turn retries");
    }
    results.push(row);
  }
  return results;
}
