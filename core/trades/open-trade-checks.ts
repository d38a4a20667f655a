import type { Logger } from "pino";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExecutionOutcome } from "../copying/execution-outcome.ts";
import type { LoadedExecution } from "../copying/load-execution.ts";
import { crossedLevel, type protectiveLevels, protectivePrices } from "../copying/protective-prices.ts";
import type { ExchangeClient, PositionSide } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

// What keeps an entry from opening, checked before anything is sent (see open-trade.ts).

/**
 * An entry whose own absolute TP or SL the price has already reached is not opened: the provider's trade is
 * already out, and ours would be closed again at once (two fees for nothing).
 */
export function alreadyCrossed(
  levels: ReturnType<typeof protectiveLevels>,
  at: { side: PositionSide; price: Decimal; priceStep: Decimal; symbol: string },
): string | null {
  const prices = protectivePrices({ ...levels, side: at.side, fillPrice: at.price, priceStep: at.priceStep });
  const crossed = crossedLevel({ side: at.side, price: at.price, levels, prices });
  if (!crossed) return null;
  const name = crossed.kind === "take_profit" ? "take-profit" : "stop-loss";
  return `not opened: the signal's ${name} ${crossed.level.toFixed()} is already reached, ${at.symbol} is at ${at.price.toFixed()}`;
}

export async function tooManyPositions(
  execution: LoadedExecution,
  exchange: ExchangeClient,
): Promise<ExecutionOutcome | null> {
  const max = execution.subscription.maxOpenPositions;
  if (max === null) return null;
  const positions = await exchange.fetchPositions();
  const alreadyIn = positions.some((p) => p.symbol === execution.signal.symbol);
  if (alreadyIn || positions.length < max) return null;
  return {
    status: "skipped",
    reason: `already ${positions.length} open positions, the subscription's maximum is ${max}`,
  };
}

/**
 * Why the trade could not be written: the symbol is taken, or the subscription stopped being active. Taken by
 * this very execution means another attempt of it got there first (a redelivered job): that one places the
 * entry, this one looks again once its request can no longer be in flight.
 */
export async function whyNotOpened(execution: LoadedExecution, deps: Deps): Promise<string> {
  const live = await deps.db.trade.findUnique({
    where: { liveKey: `${execution.accountId}|${execution.signal.symbol}` },
    select: { side: true, strategy: { select: { name: true } }, orders: { select: { executionId: true } } },
  });
  const ours = await deps.db.order.count({ where: { clientOrderId: execution.clientOrderId } });
  if (ours > 0 || live?.orders.some((o) => o.executionId === execution.id)) {
    throw new AppError("EXCHANGE_UNCERTAIN", "another attempt of this execution is placing its entry", {
      retryAfterMs: Math.max(1, deps.exchange.inFlightMs ?? 0),
    });
  }
  if (live) return heldBy(execution.signal.symbol, live.strategy.name, live.side);
  return "subscription is paused";
}

export function heldBy(symbol: string, strategyName: string, side: string): string {
  return `${symbol} is already held by a ${side} trade of "${strategyName}" on this account; one strategy trades a symbol at a time`;
}
