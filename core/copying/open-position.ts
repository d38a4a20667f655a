import type { Logger } from "pino";
import type { ExchangeClient, OrderResult, PositionSide } from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec, decOrNull } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import type { LoadedExecution } from "./load-execution.ts";
import { protectivePrices } from "./protective-prices.ts";
import { sizeOrder } from "./size-order.ts";

export type ExecutionOutcome =
  | { status: "filled" | "placed"; filledAmount: Decimal; avgPrice?: Decimal; warning?: string }
  | { status: "skipped"; reason: string };

interface Deps {
  db: DbClient;
  exchange: ExchangeClient;
  logger: Logger;
}

/** Sizes, sets leverage, places the market entry and then reduce-only TP/SL for one follower. */
export async function openPosition(execution: LoadedExecution, deps: Deps): Promise<ExecutionOutcome> {
  const { signal, subscription } = execution;
  const { exchange, db } = deps;
  const side: PositionSide = signal.action === "short" ? "short" : "long";
  const entryPlaced = execution.orders.some((o) => o.kind === "entry");

  let amount = decOrNull(execution.requestedAmount);
  let referencePrice = decOrNull(execution.referencePrice) ?? undefined;
  const market = await exchange.market(signal.symbol);

  if (!entryPlaced || !amount) {
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
    const leverage = Math.min(signal.leverage ?? 1, subscription.maxLeverage ?? signal.leverage ?? 1);
    const [price, balance] = await Promise.all([
      exchange.fetchPrice(signal.symbol, decOrNull(signal.price) ?? undefined),
      exchange.fetchBalance(),
    ]);
    referencePrice = price;
    amount = sizeOrder({
      mode: subscription.sizingMode,
      value: decOrNull(subscription.sizingValue),
      signalRiskPerc: decOrNull(signal.riskPerc),
      signalQty: decOrNull(signal.qty),
      freeBalance: balance.free,
      price,
      leverage,
      market,
    });
    await exchange.setLeverage(signal.symbol, leverage);
    await db.execution.update({
      where: { id: execution.id },
      data: {
        side: side === "long" ? "buy" : "sell",
        leverage,
        requestedAmount: amount.toString(),
        referencePrice: price.toString(),
      },
    });
  }

  const entry = await placeOrder(
    {
      executionId: execution.id,
      kind: "entry",
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
  if (entry.status !== "filled") {
    return { status: "placed", filledAmount: entry.filledAmount, avgPrice: entry.avgPrice };
  }

  const warning = await placeProtection(execution, entry, side, market.priceStep, deps);
  return { status: "filled", filledAmount: entry.filledAmount, avgPrice: entry.avgPrice, warning };
}

async function placeProtection(
  execution: LoadedExecution,
  entry: OrderResult,
  side: PositionSide,
  priceStep: Decimal,
  deps: Deps,
): Promise<string | undefined> {
  const { signal, subscription } = execution;
  const fillPrice = entry.avgPrice ?? decOrNull(execution.referencePrice);
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
