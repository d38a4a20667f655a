import type { Logger } from "pino";
import type { ExchangeClient, OrderResult, PositionSide } from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import { type Decimal, dec, decOrNull } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import type { ExecutionLedger } from "./execution-ledger.ts";
import type { LoadedExecution } from "./load-execution.ts";
import { protectivePrices } from "./protective-prices.ts";
import { sizeOrder } from "./size-order.ts";

/** What was asked of the exchange, recorded with the outcome. */
export interface Sized {
  side: "buy" | "sell";
  leverage: number | null;
  requestedAmount: Decimal;
  referencePrice?: Decimal;
}

export type ExecutionOutcome =
  | { status: "filled" | "placed"; filledAmount: Decimal; avgPrice?: Decimal; warning?: string; sized?: Sized }
  | { status: "skipped"; reason: string };

interface Deps {
  ledger: ExecutionLedger;
  exchange: ExchangeClient;
  logger: Logger;
}

/** Sizes, sets leverage, places the market entry and then reduce-only TP/SL for one follower. */
export async function openPosition(execution: LoadedExecution, deps: Deps): Promise<ExecutionOutcome> {
  const { signal, subscription } = execution;
  const { exchange } = deps;
  const side: PositionSide = signal.action === "short" ? "short" : "long";
  const earlier = execution.orders.find((o) => o.kind === "entry") ?? null;
  const market = await exchange.market(signal.symbol);
  const referenceFromSignal = decOrNull(signal.price) ?? undefined;

  let amount: Decimal;
  let referencePrice = referenceFromSignal;
  let leverage = execution.leverage;
  if (earlier) {
    // A retry: the order was sized and may have been sent; placeOrder finds out, never re-sizes.
    amount = dec(earlier.requestedAmount);
  } else {
    if (subscription.maxOpenPositions !== null) {
      const positions = await exchange.fetchPositions();
      const alreadyIn = positions.some((p) => p.symbol === signal.symbol);
      if (!alreadyIn && positions.length >= subscription.maxOpenPositions) {
        return {
          status: "skipped",
          reason: `already ${positions.length} open positions, the subscription's maximum is ${subscription.maxOpenPositions}`,
        };
      }
    }
    // A signal without leverage leaves the account's leverage alone; one with it is capped by the follower.
    leverage = signal.leverage === null ? null : Math.min(signal.leverage, subscription.maxLeverage ?? signal.leverage);
    const needsBalance = subscription.sizingMode === "risk";
    const [price, balance] = await Promise.all([
      exchange.fetchPrice(signal.symbol, referenceFromSignal),
      needsBalance ? exchange.fetchBalance() : undefined,
    ]);
    referencePrice = price;
    amount = sizeOrder({
      mode: subscription.sizingMode,
      value: decOrNull(subscription.sizingValue),
      signalRiskPerc: decOrNull(signal.riskPerc),
      signalQty: decOrNull(signal.qty),
      freeBalance: balance?.free ?? price.mul(0),
      price,
      leverage: leverage ?? 1,
      market,
    });
    if (leverage !== null) await exchange.setLeverage(signal.symbol, leverage);
  }

  const entry = await placeOrder(
    {
      executionId: execution.id,
      kind: "entry",
      existing: earlier,
      request: {
        symbol: signal.symbol,
        side: side === "long" ? "buy" : "sell",
        type: "market",
        amount,
        clientOrderId: execution.clientOrderId,
        referencePrice,
      },
    },
    deps,
  );
  const sized = { side: side === "long" ? "buy" : "sell", leverage, requestedAmount: amount, referencePrice } as const;
  if (entry.status !== "filled") {
    return { status: "placed", filledAmount: entry.filledAmount, avgPrice: entry.avgPrice, sized };
  }

  const warning = await placeProtection(execution, entry, side, market.priceStep, referencePrice, deps);
  return { status: "filled", filledAmount: entry.filledAmount, avgPrice: entry.avgPrice, warning, sized };
}

async function placeProtection(
  execution: LoadedExecution,
  entry: OrderResult,
  side: PositionSide,
  priceStep: Decimal,
  referencePrice: Decimal | undefined,
  deps: Deps,
): Promise<string | undefined> {
  const { signal, subscription } = execution;
  const fillPrice = entry.avgPrice ?? referencePrice;
  if (!fillPrice || entry.filledAmount.lte(0)) return undefined;
  const prices = protectivePrices({
    side,
    fillPrice,
    tpPerc: decOrNull(subscription.tpPercOverride) ?? decOrNull(signal.tpPerc),
    slPerc: decOrNull(subscription.slPercOverride) ?? decOrNull(signal.slPerc),
    priceStep,
  });
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
          executionId: execution.id,
          kind: leg.kind,
          existing: execution.orders.find((o) => o.kind === leg.kind) ?? null,
          request: {
            symbol: signal.symbol,
            side: side === "long" ? "sell" : "buy",
            type: leg.kind,
            amount: dec(entry.filledAmount),
            triggerPrice: leg.trigger,
            reduceOnly: true,
            clientOrderId: clientOrderIdFor(signal.id, subscription.id, leg.kind),
            referencePrice: fillPrice,
          },
        },
        deps,
      );
    } catch (err) {
      // The position is open either way; a refused TP/SL is reported, while an uncertain one is retried.
      if (!isAppError(err) || err.retryable) throw err;
      problems.push(`${leg.kind === "take_profit" ? "take-profit" : "stop-loss"} not placed: ${err.message}`);
    }
  }
  return problems.length ? problems.join("; ") : undefined;
}
