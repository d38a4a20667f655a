import { Decimal } from "../../core/platform/decimal.ts";
import { availableBalance, positionMargin, signedQty } from "./account-math.ts";
import { binanceErrors } from "./binance-error.ts";
import { fillOrder, newOrder, registerOrder, withinLimit } from "./fills.ts";
import {
  isTrue,
  type Params,
  parseClientId,
  parsePrice,
  parseQuantity,
  parseSide,
  requireSymbol,
} from "./order-params.ts";
import { type DelayedFillPlan, startDelayedFill } from "./pending-fills.ts";
import { closesHedgedSide, parsePositionSide } from "./position-mode.ts";
import { restLimit } from "./resting-limits.ts";
import {
  type FakeAccount,
  type FakeBinanceState,
  type FakeOrder,
  isOpen,
  type PositionSide,
  positionKey,
  type Side,
} from "./state.ts";
import { DEFAULT_MAX_NUM_ORDERS } from "./symbols.ts";

const ZERO = new Decimal(0);
const CONDITIONAL = new Set(["STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"]);

export interface PlaceOptions {
  /** The delayedFill fault fired: a MARKET order answers before it fills (pending-fills.ts). */
  delayedFill?: DelayedFillPlan;
  /** False for orders that are not the client's (the user's app): they stay out of the create counters. */
  countAccepted?: boolean;
}

const TIME_IN_FORCE = new Set(["GTC", "IOC", "FOK", "GTX", "GTD"]);

/**
 * POST /fapi/v1/order: MARKET fills at once at the current price. LIMIT with timeInForce=IOC meets the book at once
 * and fills at the current (mark) price if that is within its limit (a buy's mark at or below it, a sell's at or
 * above it); otherwise it ends EXPIRED with nothing filled. Any other LIMIT (GTC) is checked like Binance checks
 * it at its own price (notional, margin, or a position to reduce), fills at once at the mark as a taker when that
 * is already within its limit, and otherwise rests until a price move or a test fills it (resting-limits.ts).
 */
export function placeOrder(
  state: FakeBinanceState,
  account: FakeAccount,
  p: Params,
  now: number,
  opts: PlaceOptions = {},
): FakeOrder {
  const spec = requireSymbol(state, p);
  const side = parseSide(p);
  const type = p.type ?? "";
  if (CONDITIONAL.has(type)) throw binanceErrors.useAlgoApi();
  if (type !== "MARKET" && type !== "LIMIT") throw binanceErrors.badOrderType();
  const positionSide = parsePositionSide(account, p);
  const timeInForce = type === "LIMIT" ? (p.timeInForce ?? "GTC") : "GTC";
  if (!TIME_IN_FORCE.has(timeInForce)) throw binanceErrors.badParam("timeInForce");
  const ioc = type === "LIMIT" && timeInForce === "IOC";
  const qty = parseQuantity(p, spec);
  if (type === "MARKET" && qty.gt(spec.marketMaxQty)) throw binanceErrors.maxQty();
  const orderId = state.newId();
  const clientOrderId = parseClientId(p.newClientOrderId, () => `fake-${orderId}`);
  const taken = account.ordersByClientId.get(clientOrderId);
  if (taken && isOpen(taken)) throw binanceErrors.duplicateClientId();
  if (type === "LIMIT" && !ioc && openOrders(account, spec.symbol) >= (spec.maxNumOrders ?? DEFAULT_MAX_NUM_ORDERS)) {
    throw binanceErrors.maxOpenOrders();
  }
  const reduceOnly = isTrue(p.reduceOnly);
  const reducing = reduceOnly || closesHedgedSide(positionSide, side);
  const market = state.price(spec.symbol);
  const price = type === "LIMIT" ? parsePrice(p, "price", spec) : ZERO;
  const order = newOrder(
    state,
    {
      orderId,
      clientOrderId,
      symbol: spec.symbol,
      side,
      type,
      positionSide,
      price,
      origQty: qty,
      reduceOnly,
      timeInForce,
    },
    now,
  );

  if (type === "MARKET" || ioc) {
    const target = reducing ? reducibleQty(account, spec.symbol, positionSide, side, qty) : qty;
    if (!reducing) checkOpen(state, account, spec.symbol, positionSide, side, qty, market, spec.minNotional);
    if (ioc && !withinLimit(order, market)) {
      // The market is past the limit: nothing to meet, and an IOC never rests.
      order.status = "EXPIRED";
    } else if (opts.delayedFill) {
      startDelayedFill(state, account, order, opts.delayedFill, { target, reducing }, now);
    } else {
      fillOrder(state, account, order, target, market, now);
      order.status = target.eq(qty) ? "FILLED" : "EXPIRED";
    }
  } else {
    const target = reducing ? reducibleQty(account, spec.symbol, positionSide, side, qty) : qty;
    if (!reducing) checkOpen(state, account, spec.symbol, positionSide, side, qty, price, spec.minNotional);
    if (withinLimit(order, market) && timeInForce === "GTX") {
      // Post-only: it would take, so Binance expires it instead.
      order.status = "EXPIRED";
    } else if (withinLimit(order, market)) {
      // Marketable: it takes from the book at once, like an IOC, and whatever a reduce-only one cannot reduce expires.
      fillOrder(state, account, order, target, market, now);
      order.status = target.eq(qty) ? "FILLED" : "EXPIRED";
    } else {
      restLimit(state, account, order);
    }
  }

  registerOrder(account, order);
  if (opts.countAccepted !== false) state.countAccepted(clientOrderId);
  return order;
}

/** A reduce-only order may only shrink the position, and never by more than its size. */
export function reducibleQty(
  account: FakeAccount,
  symbol: string,
  positionSide: PositionSide,
  side: Side,
  qty: Decimal,
): Decimal {
  const amt = account.positions.get(positionKey(symbol, positionSide))?.amt ?? ZERO;
  if (amt.isZero() || amt.isPositive() === (side === "BUY")) throw binanceErrors.reduceOnly();
  return Decimal.min(qty, amt.abs());
}

function openOrders(account: FakeAccount, symbol: string): number {
  let n = 0;
  for (const o of account.orders.values()) if (o.symbol === symbol && isOpen(o)) n += 1;
  return n;
}

function checkOpen(
  state: FakeBinanceState,
  account: FakeAccount,
  symbol: string,
  positionSide: PositionSide,
  side: Side,
  qty: Decimal,
  price: Decimal,
  minNotional: Decimal,
): void {
  if (qty.mul(price).lt(minNotional)) throw binanceErrors.minNotional(minNotional.toFixed());
  const before = account.positions.get(positionKey(symbol, positionSide))?.amt ?? ZERO;
  const after = before.add(signedQty(side, qty));
  const extra = positionMargin(state, account, symbol, after).sub(positionMargin(state, account, symbol, before));
  if (extra.gt(0) && extra.gt(availableBalance(state, account))) throw binanceErrors.margin();
}

export function cancelOrder(order: FakeOrder, now: number): void {
  order.status = "CANCELED";
  order.updateTime = now;
}
