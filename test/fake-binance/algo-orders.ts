import { Decimal } from "../../core/platform/decimal.ts";
import { binanceErrors } from "./binance-error.ts";
import { fillOrder, newOrder, registerOrder } from "./fills.ts";
import {
  isTrue,
  type Params,
  parseClientId,
  parsePrice,
  parseQuantity,
  parseSide,
  requireParam,
  requireSymbol,
} from "./order-params.ts";
import { closesHedgedSide, parsePositionSide } from "./position-mode.ts";
import { type FakeAccount, type FakeAlgoOrder, type FakeBinanceState, positionKey } from "./state.ts";
import { DEFAULT_MAX_NUM_ALGO_ORDERS } from "./symbols.ts";

// Conditional orders live in Binance's algo-order API since Dec 2025 (POST /fapi/v1/algoOrder, algoType
// CONDITIONAL): own ids (algoId / clientAlgoId), own status field (algoStatus), own query and cancel routes.

const ZERO = new Decimal(0);
const SUPPORTED = new Set(["STOP_MARKET", "TAKE_PROFIT_MARKET"]);

export function placeAlgoOrder(state: FakeBinanceState, account: FakeAccount, p: Params, now: number): FakeAlgoOrder {
  if (requireParam(p, "algoType") !== "CONDITIONAL") throw binanceErrors.badParam("algoType");
  const spec = requireSymbol(state, p);
  const side = parseSide(p);
  const orderType = requireParam(p, "type");
  if (!SUPPORTED.has(orderType)) throw binanceErrors.badOrderType();
  const positionSide = parsePositionSide(account, p);
  const triggerPrice = parsePrice(p, "triggerPrice", spec);
  const closePosition = isTrue(p.closePosition);
  const quantity = closePosition ? ZERO : parseQuantity(p, spec);
  const algoId = state.newId();
  const clientAlgoId = parseClientId(p.clientAlgoId, () => `fake-algo-${algoId}`);
  if (account.algoByClientId.get(clientAlgoId)?.algoStatus === "NEW") throw binanceErrors.duplicateClientId();
  if (wouldTrigger(orderType, side, triggerPrice, state.price(spec.symbol))) throw binanceErrors.immediateTrigger();
  if (openAlgoOrders(account, spec.symbol) >= (spec.maxNumAlgoOrders ?? DEFAULT_MAX_NUM_ALGO_ORDERS)) {
    throw binanceErrors.maxStopOrders();
  }

  const order: FakeAlgoOrder = {
    algoId,
    clientAlgoId,
    symbol: spec.symbol,
    side,
    orderType,
    positionSide,
    algoStatus: "NEW",
    quantity,
    triggerPrice,
    reduceOnly: isTrue(p.reduceOnly) || closePosition || closesHedgedSide(positionSide, side),
    closePosition,
    createTime: now,
    updateTime: now,
    triggerTime: 0,
  };
  account.algoOrders.set(algoId, order);
  account.algoByClientId.set(clientAlgoId, order);
  openSet(state, spec.symbol).add({ account, order });
  state.countAccepted(clientAlgoId);
  return order;
}

export function cancelAlgoOrder(
  state: FakeBinanceState,
  account: FakeAccount,
  order: FakeAlgoOrder,
  now: number,
): void {
  order.algoStatus = "CANCELED";
  order.updateTime = now;
  for (const entry of openSet(state, order.symbol)) {
    if (entry.order === order && entry.account === account) openSet(state, order.symbol).delete(entry);
  }
}

/** Fires resting conditional orders the new price crosses, as Binance would at its mark. */
export function triggerAlgoOrders(state: FakeBinanceState, symbol: string, now: number): void {
  const price = state.price(symbol);
  const open = openSet(state, symbol);
  for (const entry of open) {
    const { account, order } = entry;
    if (!wouldTrigger(order.orderType, order.side, order.triggerPrice, price)) continue;
    open.delete(entry);
    order.triggerTime = now;
    order.updateTime = now;
    const qty = fillableQty(account, order);
    if (qty.isZero()) {
      order.algoStatus = "EXPIRED";
      continue;
    }
    const actual = newOrder(
      state,
      {
        clientOrderId: order.clientAlgoId,
        symbol,
        side: order.side,
        type: "MARKET",
        positionSide: order.positionSide,
        origQty: qty,
        reduceOnly: order.reduceOnly,
      },
      now,
    );
    fillOrder(state, account, actual, qty, price, now);
    actual.status = "FILLED";
    registerOrder(account, actual);
    order.algoStatus = "FINISHED";
    order.actualOrderId = actual.orderId;
    order.actualPrice = price;
  }
}

function openAlgoOrders(account: FakeAccount, symbol: string): number {
  let n = 0;
  for (const o of account.algoOrders.values()) if (o.symbol === symbol && o.algoStatus === "NEW") n += 1;
  return n;
}

function fillableQty(account: FakeAccount, order: FakeAlgoOrder): Decimal {
  const amt = account.positions.get(positionKey(order.symbol, order.positionSide))?.amt ?? ZERO;
  if (!order.reduceOnly) return order.quantity;
  const opposite = !amt.isZero() && amt.isPositive() === (order.side === "SELL");
  if (!opposite) return ZERO;
  return order.closePosition ? amt.abs() : Decimal.min(order.quantity, amt.abs());
}

/** STOP_MARKET sells below / buys above the market; TAKE_PROFIT_MARKET the other way round. */
function wouldTrigger(orderType: string, side: string, trigger: Decimal, price: Decimal): boolean {
  const stop = orderType === "STOP_MARKET";
  const sell = side === "SELL";
  return stop === sell ? price.lte(trigger) : price.gte(trigger);
}

function openSet(state: FakeBinanceState, symbol: string) {
  let set = state.openAlgoBySymbol.get(symbol);
  if (!set) {
    set = new Set();
    state.openAlgoBySymbol.set(symbol, set);
  }
  return set;
}
