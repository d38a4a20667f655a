import type { Logger } from "pino";
import type { Order } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import { crossedLevel, type ProtectiveLevel, protectivePrices } from "../copying/protective-prices.ts";
import type { ExchangeClient, OrderResult, PositionSide } from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { type AppError, isAppError } from "../platform/errors.ts";
import { recordOrderFill } from "./record-order-fill.ts";
import { settleOrder } from "./settle-order.ts";
import { closeTradeRecord } from "./trade-store.ts";

export interface ProtectionInput {
  signalId: string;
  subscriptionId: string;
  executionId: string;
  trade: { id: string; symbol: string; side: PositionSide };
  amount: Decimal;
  fillPrice: Decimal;
  /** What `protectiveLevels` chose for each leg (the subscription's override, the signal's price or percent). */
  takeProfit: ProtectiveLevel | null;
  stopLoss: ProtectiveLevel | null;
  priceStep: Decimal;
  orders: Order[];
  lastAttempt: boolean;
}

export interface ProtectionOutcome {
  /** A level was already crossed: the trade was closed at market, as that order would have done. */
  closedBy?: "take_profit" | "stop_loss";
  exit?: OrderResult;
  /** Set when the position is open without a TP or SL it should have: what the follower must know. */
  warning?: string;
}

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

const LEG_NAME = { take_profit: "take-profit", stop_loss: "stop-loss" } as const;

/**
 * Places the trade's reduce-only TP and SL. A level the price has already crossed is done at once by a market
 * close (what the order would have done): the exchange says so (WOULD_TRIGGER), or, for an absolute level on the
 * wrong side of the fill (the fill slipped past the provider's stop), we know before asking. Any other refusal
 * leaves the position open without it, and says so.
 * Uncertain failures are retried by throwing, except on the last attempt, where they are reported instead.
 */
export async function protectTrade(input: ProtectionInput, deps: Deps): Promise<ProtectionOutcome> {
  const levels = { takeProfit: input.takeProfit, stopLoss: input.stopLoss };
  const prices = protectivePrices({
    ...levels,
    side: input.trade.side,
    fillPrice: input.fillPrice,
    priceStep: input.priceStep,
  });
  const crossed = crossedLevel({ side: input.trade.side, price: input.fillPrice, levels, prices });
  if (crossed) return exitAtMarket(input, crossed.kind, deps);
  const legs = [
    { kind: "take_profit" as const, trigger: prices.takeProfit },
    { kind: "stop_loss" as const, trigger: prices.stopLoss },
  ];
  const problems: string[] = [];
  for (const leg of legs) {
    if (!leg.trigger) continue;
    try {
      await placeOrder(
        {
          executionId: input.executionId,
          tradeId: input.trade.id,
          kind: leg.kind,
          existing: input.orders.find((o) => o.kind === leg.kind) ?? null,
          request: {
            symbol: input.trade.symbol,
            side: input.trade.side === "long" ? "sell" : "buy",
            type: leg.kind,
            amount: input.amount,
            triggerPrice: leg.trigger,
            reduceOnly: true,
            clientOrderId: clientOrderIdFor(input.signalId, input.subscriptionId, leg.kind),
            referencePrice: input.fillPrice,
          },
        },
        deps,
      );
    } catch (err) {
      if (isAppError(err, "WOULD_TRIGGER")) return exitAtMarket(input, leg.kind, deps);
      if (!isAppError(err) || (err.retryable && !input.lastAttempt)) throw err;
      problems.push(`${LEG_NAME[leg.kind]} not placed: ${(err as AppError).message}`);
    }
  }
  if (!problems.length) return {};
  const warning = problems.join("; ");
  await deps.db.trade.update({ where: { id: input.trade.id }, data: { protectionError: warning } });
  deps.logger.warn({ tradeId: input.trade.id, warning }, "position left without protection");
  return { warning };
}

async function exitAtMarket(
  input: ProtectionInput,
  reason: "take_profit" | "stop_loss",
  deps: Deps,
): Promise<ProtectionOutcome> {
  const { trade } = input;
  // The sibling may be resting already (the TP went in before the SL was refused): it must not outlive the trade.
  for (const kind of ["take_profit", "stop_loss"] as const) {
    if (kind === reason) continue;
    await deps.exchange.cancelOrder(trade.symbol, clientOrderIdFor(input.signalId, input.subscriptionId, kind));
    await deps.db.order.updateMany({
      where: { tradeId: trade.id, kind, status: { in: ["open", "sending"] } },
      data: { status: "canceled" },
    });
  }
  const existing = input.orders.find((o) => o.kind === "exit") ?? null;
  const placed = await placeOrder(
    {
      executionId: input.executionId,
      tradeId: trade.id,
      kind: "exit",
      existing,
      request: {
        symbol: trade.symbol,
        side: trade.side === "long" ? "sell" : "buy",
        type: "market",
        amount: input.amount,
        reduceOnly: true,
        clientOrderId: clientOrderIdFor(input.signalId, input.subscriptionId, "exit"),
        referencePrice: input.fillPrice,
      },
    },
    deps,
  );
  const now = new Date();
  const exit = await settleOrder(
    placed,
    { sentAt: existing?.createdAt ?? now, lastAttempt: input.lastAttempt, now },
    deps,
  );
  await recordOrderFill(deps.db, { tradeId: trade.id, tradeSide: trade.side, result: exit });
  await closeTradeRecord(deps.db, trade.id, reason);
  deps.logger.info({ tradeId: trade.id, reason }, "protective level already crossed: closed at market");
  return { closedBy: reason, exit };
}
