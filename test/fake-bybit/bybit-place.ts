import { Decimal } from "../../core/platform/decimal.ts";
import { executeMarket } from "./bybit-execute.ts";
import { placeRestingLimit } from "./bybit-limits.ts";
import {
  type BybitAccount,
  BybitError,
  type BybitInstrument,
  type BybitOrder,
  type FakeBybitState,
  isHedged,
  type TriggerBy,
  ZERO,
} from "./bybit-state.ts";

// POST /v5/order/create (and the app's orders, which take the same path). Market orders, plain or conditional
// (triggerPrice + triggerDirection: 1 fires when the price rises to it, 2 when it falls to it); IOC limit orders,
// which fill at once at the last price within their limit or end Cancelled with nothing filled; GTC limit orders
// (Bybit's default timeInForce), which rest until the price comes to them (bybit-limits.ts).
// ccxt sends stopLossPrice / takeProfitPrice as exactly that: triggerPrice, a triggerDirection picked from the
// side, and reduceOnly true.

export interface OrderInput {
  symbol?: string;
  side?: string;
  orderType?: string;
  qty?: string;
  orderLinkId?: string;
  /** Limit orders: the limit price, and "IOC" or "GTC" (the default); the fake takes no other kind. */
  price?: string;
  timeInForce?: string;
  reduceOnly?: boolean;
  closeOnTrigger?: boolean;
  /** Absent means 0 (one-way), which hedge mode refuses. */
  positionIdx?: number;
  triggerPrice?: string;
  triggerDirection?: number;
  triggerBy?: string;
}

const TRIGGER_BY: readonly string[] = ["LastPrice", "MarkPrice", "IndexPrice"];

export function placeOrder(state: FakeBybitState, a: BybitAccount, input: OrderInput): BybitOrder {
  const inst = state.instrument(input.symbol);
  const side = input.side;
  if (side !== "Buy" && side !== "Sell") throw new BybitError(10001, "params error: side invalid");
  const orderType = input.orderType ?? "Market";
  const timeInForce = orderType === "Limit" ? (input.timeInForce ?? "GTC") : "IOC";
  if (orderType !== "Market" && !(orderType === "Limit" && (timeInForce === "IOC" || timeInForce === "GTC"))) {
    throw new BybitError(10001, "params error: the fake takes Market, IOC Limit and GTC Limit orders only");
  }
  const limit = orderType === "Limit" ? new Decimal(input.price ?? "0") : undefined;
  if (limit && (limit.lte(0) || !limit.mod(inst.tickSize).isZero())) {
    throw new BybitError(10001, "params error: price invalid");
  }
  const qty = new Decimal(input.qty ?? "0");
  if (qty.lte(0) || !qty.mod(inst.qtyStep).isZero()) throw new BybitError(10001, "params error: qty invalid");
  const orderLinkId = input.orderLinkId ?? "";
  if (orderLinkId.length > 36) throw new BybitError(10001, "params error: orderLinkId invalid");
  if (orderLinkId && a.orders.has(orderLinkId)) throw new BybitError(110072, "OrderLinkedID is duplicate");
  const positionIdx = input.positionIdx ?? 0;
  if (positionIdx !== 0 && positionIdx !== 1 && positionIdx !== 2) {
    throw new BybitError(10001, "params error: positionIdx invalid");
  }
  if ((positionIdx !== 0) !== isHedged(a, inst.symbol)) {
    throw new BybitError(10001, "position idx not match position mode");
  }
  const now = Date.now();
  const conditional = input.triggerPrice !== undefined && input.triggerPrice !== "" && input.triggerPrice !== "0";
  const order: BybitOrder = {
    orderId: state.newOrderId(),
    orderLinkId,
    symbol: inst.symbol,
    side,
    orderType,
    timeInForce: timeInForce === "GTC" ? "GTC" : "IOC",
    orderStatus: "New",
    qty,
    price: ZERO,
    cumExecQty: ZERO,
    cumExecValue: ZERO,
    cumExecFee: ZERO,
    triggerPrice: ZERO,
    triggerDirection: 0,
    triggerBy: "LastPrice",
    reduceOnly: input.reduceOnly === true,
    closeOnTrigger: input.closeOnTrigger === true,
    positionIdx,
    createType: "CreateByUser",
    stopOrderType: "",
    cancelType: "UNKNOWN",
    rejectReason: "EC_NoError",
    lastPriceOnCreated: inst.price,
    createdTime: now,
    updatedTime: now,
  };
  if (conditional) {
    armTrigger(inst, order, input);
  } else if (limit && timeInForce === "GTC") {
    placeRestingLimit(state, a, order, limit);
  } else {
    executeMarket(state, a, order, limit);
  }
  a.orders.set(orderLinkId || order.orderId, order);
  return order;
}

/**
 * Bybit refuses a trigger the price has already passed, the way Binance answers -2021 "Order would immediately
 * trigger": 110092 / 110093, with both prices in units of 1e-8. The "??1" tail is what Bybit was seen to append.
 */
function armTrigger(inst: BybitInstrument, order: BybitOrder, input: OrderInput): void {
  const trigger = new Decimal(input.triggerPrice ?? "0");
  if (trigger.lte(0) || !trigger.mod(inst.tickSize).isZero()) {
    throw new BybitError(10001, "params error: triggerPrice invalid");
  }
  const direction = input.triggerDirection;
  if (direction !== 1 && direction !== 2) throw new BybitError(10001, "params error: triggerDirection invalid");
  const triggerBy = input.triggerBy ?? "LastPrice";
  if (!TRIGGER_BY.includes(triggerBy)) throw new BybitError(10001, "params error: triggerBy invalid");
  const current = triggerBy === "LastPrice" ? inst.price : inst.markPrice;
  const e8 = (d: Decimal) => d.mul(1e8).toFixed(0);
  if (direction === 1 && trigger.lte(current)) {
    throw new BybitError(110092, `expect Rising, but trigger_price[${e8(trigger)}] <= current[${e8(current)}]??1`);
  }
  if (direction === 2 && trigger.gte(current)) {
    throw new BybitError(110093, `expect Falling, but trigger_price[${e8(trigger)}] >= current[${e8(current)}]??1`);
  }
  order.orderStatus = "Untriggered";
  order.triggerPrice = trigger;
  order.triggerDirection = direction;
  order.triggerBy = triggerBy as TriggerBy;
  order.createType = "CreateByStopOrder";
  order.stopOrderType = "Stop";
}

/** The create body as ccxt sends it: JSON with strings, numbers and booleans mixed. */
export function orderInputFrom(p: Record<string, unknown>): OrderInput {
  const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
  const num = (v: unknown) => (v === undefined || v === "" ? undefined : Number(v));
  const bool = (v: unknown) => v === true || v === "true";
  return {
    symbol: str(p.symbol),
    side: str(p.side),
    orderType: str(p.orderType),
    qty: str(p.qty),
    orderLinkId: str(p.orderLinkId),
    price: str(p.price),
    timeInForce: str(p.timeInForce),
    reduceOnly: bool(p.reduceOnly),
    closeOnTrigger: bool(p.closeOnTrigger),
    positionIdx: num(p.positionIdx),
    triggerPrice: str(p.triggerPrice),
    triggerDirection: num(p.triggerDirection),
    triggerBy: str(p.triggerBy),
  };
}
