import type { Logger } from "pino";
import type { CloseReason, Order, Trade } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, OrderResult } from "../exchange/exchange.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { cancelProtection } from "./cancel-protection.ts";
import { reconcileTrade } from "./reconcile-trade.ts";
import { recordOrderFill } from "./record-order-fill.ts";
import { settleOrder } from "./settle-order.ts";
import { settleZoneExecution } from "./settle-zone-execution.ts";
import { closeTradeRecord, markClosing } from "./trade-store.ts";

/** Why an entry zone's execution ended early, when its trade was closed while entries rested. */
const ZONE_CLOSED = "the trade was closed while its entry zone rested";

export interface CloseTradeInput {
  tradeId: string;
  reason: CloseReason;
  /** The execution closing it (null for a panic), and the client order id of its close. */
  executionId: string | null;
  clientOrderId: string;
  kind: "close" | "exit";
  /** The execution's earlier close order, if an earlier attempt wrote one. */
  existing: Order | null;
  referencePrice?: Decimal;
  lastAttempt: boolean;
}

export interface ClosedTrade {
  trade: Trade;
  /** The close order's result; null when the trade had already been closed (by a trigger, say). */
  result: OrderResult | null;
  /** What the close asked for: the trade's open amount. */
  requestedAmount: Decimal;
}

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/**
 * Closes exactly the trade's open amount, reduce-only, after cancelling its TP/SL (they must not outlive it).
 * A trade something else closed meanwhile (a trigger, the follower by hand) is reconciled instead of guessed.
 */
export async function closeTrade(input: CloseTradeInput, deps: Deps): Promise<ClosedTrade> {
  const { db } = deps;
  let trade = await db.trade.findUniqueOrThrow({ where: { id: input.tradeId } });
  if (trade.status === "closed") return { trade, result: null, requestedAmount: dec(0) };
  if (trade.status !== "closing") await markClosing(db, trade.id, input.reason);
  await cancelProtection(trade, deps);

  const amount = input.existing ? dec(input.existing.requestedAmount) : dec(trade.openAmount);
  if (amount.lte(0)) {
    await closeTradeRecord(db, trade.id, input.reason, undefined, deps.ledger.events);
    await settleZoneExecution({ tradeId: trade.id, note: ZONE_CLOSED }, deps);
    return {
      trade: await db.trade.findUniqueOrThrow({ where: { id: trade.id } }),
      result: null,
      requestedAmount: amount,
    };
  }
  let placed: OrderResult;
  try {
    placed = await placeOrder(
      {
        executionId: input.executionId,
        tradeId: trade.id,
        kind: input.kind,
        existing: input.existing,
        request: {
          symbol: trade.symbol,
          side: trade.side === "long" ? "sell" : "buy",
          type: "market",
          amount,
          reduceOnly: true,
          clientOrderId: input.clientOrderId,
          referencePrice: input.referencePrice,
        },
      },
      deps,
    );
  } catch (err) {
    // Reduce-only refused: there is no position left to close. Something closed it; find out what from the fills.
    if (!isAppError(err, "ORDER_REJECTED")) throw err;
    deps.logger.info({ tradeId: trade.id, err: err.message }, "close refused: reconciling the trade instead");
    trade = await reconcileTrade({ tradeId: trade.id, position: null, fallbackReason: "manual" }, deps);
    return { trade, result: null, requestedAmount: amount };
  }
  const now = new Date();
  const result = await settleOrder(
    placed,
    { sentAt: input.existing?.createdAt ?? now, lastAttempt: input.lastAttempt, now },
    deps,
  );
  await recordOrderFill(db, { tradeId: trade.id, tradeSide: trade.side, result });
  // Whatever the close filled was all there was of the position: the trade is over either way.
  await closeTradeRecord(db, trade.id, trade.closeReason ?? input.reason, undefined, deps.ledger.events);
  await settleZoneExecution({ tradeId: trade.id, note: ZONE_CLOSED }, deps);
  trade = await db.trade.findUniqueOrThrow({ where: { id: trade.id } });
  return { trade, result, requestedAmount: amount };
}
