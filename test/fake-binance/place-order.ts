import { Decimal } from "../../core/platform/decimal.ts";
import { applyFill, availableBalance, positionMargin, signedQty } from "./account-math.ts";
import { binanceErrors } from "./binance-error.ts";
import {
  isTrue,
  type Params,
  parseClientId,
  parsePrice,
  parseQuantity,
  parseSide,
  requireSymbol,
} from "./order-params.ts";
import type { FakeAccount, FakeBinanceState, FakeOrder, Side } from "./state.ts";

const ZERO = new Decimal(0);
const CONDITIONAL = new Set(["STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"]);

/** POST /fapi/v1/order: MARKET fills at once at the current price, LIMIT rests (there is no book to match). */
export function placeOrder(state: FakeBinanceState, account: FakeAccount, p: Params, now: number): FakeOrder {
  const spec = requireSymbol(state, p);
  const side = parseSide(p);
  const type = p.type ?? "";
  if (CONDITIONAL.has(type)) throw binanceErrors.useAlgoApi();
  if (type !== "MARKET" && type !== "LIMIT") throw binanceErrors.badOrderType();
  const qty = parseQuantity(p, spec);
  if (type === "MARKET" && qty.gt(spec.marketMaxQty)) throw binanceErrors.maxQty();
  const orderId = state.newId();
  const clientOrderId = parseClientId(p.newClientOrderId, () => `fake-${orderId}`);
  if (account.ordersByClientId.get(clientOrderId)?.status === "NEW") throw binanceErrors.duplicateClientId();
  const reduceOnly = isTrue(p.reduceOnly);
  const market = state.price(spec.symbol);

  const order: FakeOrder = {
    orderId,
    clientOrderId,
    symbol: spec.symbol,
    side,
    type,
    status: "NEW",
    price: type === "LIMIT" ? parsePrice(p, "price", spec) : ZERO,
    origQty: qty,
    executedQty: ZERO,
    avgPrice: ZERO,
    reduceOnly,
    time: now,
    updateTime: now,
  };

  if (type === "MARKET") {
    const fillQty = reduceOnly ? reducibleQty(account, spec.symbol, side, qty) : qty;
    if (!reduceOnly) checkOpen(state, account, spec.symbol, side, qty, market, spec.minNotional);
    applyFill(state, account, spec.symbol, side, fillQty, market, now);
    order.executedQty = fillQty;
    order.avgPrice = market;
    order.status = fillQty.eq(qty) ? "FILLED" : "EXPIRED";
  }

  account.orders.set(orderId, order);
  account.ordersByClientId.set(clientOrderId, order);
  state.countAccepted(clientOrderId);
  return order;
}

/** A reduce-only order may only shrink the position, and never by more than its size. */
export function reducibleQty(account: FakeAccount, symbol: string, side: Side, qty: Decimal): Decimal {
  const amt = account.positions.get(symbol)?.amt ?? ZERO;
  if (amt.isZero() || amt.isPositive() === (side === "BUY")) throw binanceErrors.reduceOnly();
  return Decimal.min(qty, amt.abs());
}

function checkOpen(
  state: FakeBinanceState,
  account: FakeAccount,
  symbol: string,
  side: Side,
  qty: Decimal,
  price: Decimal,
  minNotional: Decimal,
): void {
  if (qty.mul(price).lt(minNotional)) throw binanceErrors.minNotional(minNotional.toFixed());
  const before = account.positions.get(symbol)?.amt ?? ZERO;
  const after = before.add(signedQty(side, qty));
  const extra = positionMargin(state, account, symbol, after).sub(positionMargin(state, account, symbol, before));
  if (extra.gt(0) && extra.gt(availableBalance(state, account))) throw binanceErrors.margin();
}

export function cancelOrder(order: FakeOrder, now: number): void {
  order.status = "CANCELED";
  order.updateTime = now;
}
