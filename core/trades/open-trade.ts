import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExecutionOutcome, Sized } from "../copying/execution-outcome.ts";
import type { LoadedExecution } from "../copying/load-execution.ts";
import { protectiveLevels, protectivePrices } from "../copying/protective-prices.ts";
import { sizeOrder } from "../copying/size-order.ts";
import { capExpiredReason, capLimitPrice, slippageCapPerc } from "../copying/slippage-cap.ts";
import { takeProfitTargets, tradeTrailing } from "../copying/trade-targets.ts";
import type {
  ExchangeClient,
  MarketInfo,
  OrderRequest,
  OrderResult,
  OrderSide,
  PositionSide,
} from "../exchange/exchange.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec, decOrNull } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { storedDca, storedEntries } from "../signals/entry-plan.ts";
import { cancelStrayProtection } from "./cancel-stray-protection.ts";
import { closeTrade } from "./close-trade.ts";
import { zoneAveragePrice } from "./entry-legs.ts";
import { alreadyCrossed, tooManyPositions, whyNotOpened } from "./open-trade-checks.ts";
import { openZone } from "./open-zone.ts";
import { placeDcaOrders } from "./place-dca-orders.ts";
import { protectTrade } from "./protect-trade.ts";
import { settleOrder } from "./settle-order.ts";
import { closeTradeRecord } from "./trade-store.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

export interface OpenTradeInput {
  execution: LoadedExecution;
  side: PositionSide;
  lastAttempt: boolean;
  now: Date;
}

/** The leverage a follower trades at: the signal's, capped by the follower's maximum and the market's. */
function cappedLeverage(signal: number | null, follower: number | null, market: MarketInfo): number | null {
  if (signal === null) return null;
  return Math.min(signal, follower ?? signal, market.maxLeverage ?? signal);
}

/**
 * Opens the follower's trade: sizes it, writes the trade with its entry (nothing may overtake it on the symbol
 * from then on), places the entry as an IOC limit at the slippage cap, waits for the exchange to settle it, and
 * protects what filled. A partial fill becomes a trade of the filled amount; nothing filled fails with the reason
 * (the market had moved past the cap): what the cap refused is reported, never chased.
 */
export async function openTrade(input: OpenTradeInput, deps: Deps): Promise<ExecutionOutcome> {
  const { execution, side } = input;
  const { signal, subscription } = execution;
  const { exchange } = deps;
  const market = await exchange.market(signal.symbol);
  const earlier = execution.orders.find((o) => o.kind === "entry") ?? null;
  const orderSide: OrderSide = side === "long" ? "buy" : "sell";
  const levels = protectiveLevels(signal, subscription);
  const capPerc = slippageCapPerc({
    follower: subscription.maxSlippagePerc,
    signal: signal.maxSlippagePerc,
    base: market.base,
  });
  // An entry zone rests limit orders at the provider's prices instead of one entry now (open-zone.ts).
  const zone = storedEntries(signal.entries);
  const plan = { targets: takeProfitTargets(signal, subscription), stopLoss: levels.stopLoss };
  const trailing = tradeTrailing(signal, subscription);
  let referencePrice = decOrNull(signal.price) ?? undefined;
  let leverage = execution.leverage;
  let amount: Decimal;
  let tradeId: string;
  let placed: OrderResult;
  // The entry's IOC limit; absent only for an entry an older version wrote as a market order.
  let limitPrice: Decimal | undefined;
  if (zone && earlier?.tradeId) {
    const sized: Sized = { side: orderSide, leverage, requestedAmount: dec(earlier.requestedAmount), referencePrice };
    const zoneInput = { execution, tradeId: earlier.tradeId, side, market, entries: zone, sized, now: input.now };
    return openZone({ ...zoneInput, plan: { ...plan, trailing }, fresh: false }, deps);
  }
  if (earlier?.tradeId) {
    // A retry: the trade and its order exist and may have been sent; placeOrder finds out, never re-sizes, and a
    // re-send asks for the limit first asked for (kept on the row), so the market is not chased.
    tradeId = earlier.tradeId;
    amount = dec(earlier.requestedAmount);
    limitPrice = earlier.type === "limit" ? (decOrNull(earlier.triggerPrice) ?? undefined) : undefined;
    placed = await placeOrder(
      { executionId: execution.id, tradeId, kind: "entry", existing: earlier, request: entryRequest() },
      deps,
    );
  } else {
    const skip = await tooManyPositions(execution, exchange);
    if (skip) return skip;
    leverage = cappedLeverage(signal.leverage, subscription.maxLeverage, market);
    // Set first: the exchange may cap it further (its own limit for the symbol), and the size follows it.
    if (leverage !== null) leverage = await exchange.setLeverage(signal.symbol, leverage);
    const [price, balance] = await Promise.all([
      exchange.fetchPrice(signal.symbol, referencePrice),
      subscription.sizingMode === "risk" ? exchange.fetchBalance() : undefined,
    ]);
    // The cap is measured from the provider's price when it sent one: a market already past it is not followed.
    referencePrice = referencePrice ?? price;
    // A zone's limits are the provider's own prices: no cap applies to them.
    limitPrice = zone
      ? undefined
      : capLimitPrice({ side: orderSide, reference: referencePrice, capPerc, priceStep: market.priceStep });
    const crossed = alreadyCrossed(levels, { side, price, priceStep: market.priceStep, symbol: signal.symbol });
    if (crossed) return { status: "skipped", reason: crossed };
    amount = sizeOrder({
      mode: subscription.sizingMode,
      value: decOrNull(subscription.sizingValue),
      signalRiskPerc: decOrNull(signal.riskPerc),
      signalQty: decOrNull(signal.qty),
      freeBalance: balance?.free ?? price.mul(0),
      // A zone is sized at its own average price, which is where its amount will be bought.
      price: zone ? zoneAveragePrice(zone) : price,
      leverage: leverage ?? 1,
      market,
    });
    if (execution.strayProtection) await cancelStrayProtection(execution.accountId, signal.symbol, deps);
    tradeId = randomUUID();
    const opened = await deps.ledger.openTrade({
      id: tradeId,
      accountId: execution.accountId,
      strategyId: subscription.strategyId,
      subscriptionId: subscription.id,
      symbol: signal.symbol,
      side,
      leverage,
      requestedAmount: amount,
      entry: {
        executionId: execution.id,
        tradeId,
        kind: "entry",
        clientOrderId: execution.clientOrderId,
        symbol: signal.symbol,
        side: orderSide,
        type: "limit",
        reduceOnly: false,
        requestedAmount: amount,
        // What the entry asks for, kept so a re-send asks for the same (Order has no price column of its own).
        triggerPrice: zone ? undefined : limitPrice,
      },
    });
    if (!opened) return { status: "skipped", reason: await whyNotOpened(execution, deps) };
    if (zone) {
      const sized: Sized = { side: orderSide, leverage, requestedAmount: amount, referencePrice };
      const zoneInput = { execution, tradeId, side, market, entries: zone, sized, now: input.now };
      return openZone({ ...zoneInput, plan: { ...plan, trailing }, fresh: true }, deps);
    }
    placed = await sendEntry(tradeId, deps);
  }
  const sized: Sized = { side: orderSide, leverage, requestedAmount: amount, referencePrice };

  const entry = await settleOrder(
    placed,
    { sentAt: earlier?.createdAt ?? input.now, lastAttempt: input.lastAttempt, now: input.now },
    deps,
  );
  if (!entry.filledAmount.gt(0) || !entry.avgPrice) {
    await deps.ledger.recordOrder(entry.clientOrderId, entry);
    await closeTradeRecord(deps.db, tradeId, "expired", undefined, deps.ledger.events);
    return {
      status: "failed",
      errorCode: "ORDER_EXPIRED",
      reason: limitPrice
        ? capExpiredReason(capPerc, limitPrice)
        : `the exchange ended the entry without filling it (order ${entry.status})`,
      sized,
    };
  }
  // The entry's answer and its trade's fill go in one statement (see placeOrder's callerRecords).
  const [, status] = await Promise.all([
    deps.ledger.recordOrder(entry.clientOrderId, entry),
    deps.ledger.entryFilled({
      tradeId,
      kind: "entry",
      exchangeOrderId: entry.exchangeOrderId || entry.clientOrderId,
      side: orderSide,
      amount: entry.filledAmount,
      price: entry.avgPrice,
    }),
  ]);
  const within = limitPrice ? ` within the ${capPerc.toFixed()}% slippage cap` : "";
  const partial = entry.filledAmount.lt(amount)
    ? `only ${entry.filledAmount.toFixed()} of ${amount.toFixed()} filled${within}: the trade and its TP/SL are for that amount`
    : undefined;
  if (status === "closing") {
    // A panic came while the entry was on its way: what filled is closed at once.
    await closeTrade(
      {
        tradeId,
        reason: "panic",
        executionId: execution.id,
        clientOrderId: clientOrderIdFor(signal.id, subscription.id, "exit"),
        kind: "exit",
        existing: execution.orders.find((o) => o.kind === "exit") ?? null,
        referencePrice: entry.avgPrice,
        lastAttempt: input.lastAttempt,
      },
      deps,
    );
    return { ...filled(entry, sized), warning: "closed again at once: /panic was used while the entry was on its way" };
  }
  const protection = await protectTrade(
    {
      signalId: signal.id,
      subscriptionId: subscription.id,
      executionId: execution.id,
      trade: { id: tradeId, symbol: signal.symbol, side },
      amount: entry.filledAmount,
      fillPrice: entry.avgPrice,
      ...levels,
      targets: plan.targets,
      trailing,
      priceStep: market.priceStep,
      market,
      orders: execution.orders,
      lastAttempt: input.lastAttempt,
    },
    deps,
  );
  const dca = subscription.dcaEnabled ? storedDca(signal.dca) : null;
  const dcaNote =
    dca && !protection.closedBy
      ? await placeDcaOrders(
          {
            execution,
            trade: { id: tradeId, symbol: signal.symbol, side },
            fillPrice: entry.avgPrice,
            baseAmount: entry.filledAmount,
            dca,
            plan: { ...plan, trailing },
            stop: protectivePrices({ ...levels, side, fillPrice: entry.avgPrice, priceStep: market.priceStep })
              .stopLoss,
            market,
          },
          deps,
        )
      : undefined;
  const notes = [partial, protection.warning, dcaNote].filter((n): n is string => !!n);
  return { ...filled(entry, sized), warning: notes.length ? notes.join("; ") : undefined };

  function entryRequest(): OrderRequest {
    return {
      symbol: signal.symbol,
      side: orderSide,
      amount,
      clientOrderId: execution.clientOrderId,
      referencePrice,
      ...(limitPrice ? { type: "limit", price: limitPrice, timeInForce: "IOC" } : { type: "market" }),
    };
  }

  async function sendEntry(id: string, d: Deps): Promise<OrderResult> {
    try {
      return await placeOrder(
        {
          executionId: execution.id,
          tradeId: id,
          kind: "entry",
          existing: null,
          recorded: true,
          request: entryRequest(),
        },
        d,
      );
    } catch (err) {
      // A definite refusal frees the symbol; an uncertain one keeps the trade until a retry finds the order.
      if (isAppError(err) && !err.retryable) await closeTradeRecord(d.db, id, "expired");
      throw err;
    }
  }
}

function filled(entry: OrderResult, sized: Sized) {
  return { status: "filled" as const, filledAmount: entry.filledAmount, avgPrice: entry.avgPrice, sized };
}
