import { Decimal } from "../../core/platform/decimal.ts";
import { cancelOpenOrder } from "./bybit-cancel.ts";
import { executeMarket } from "./bybit-execute.ts";
import { applyFill } from "./bybit-fill.ts";
import { fillRestingLimits } from "./bybit-limits.ts";
import { isLiquidated, liquidationPrice } from "./bybit-margin.ts";
import {
  type BybitAccount,
  BybitError,
  type BybitInstrument,
  type BybitOrder,
  type BybitPosition,
  type FakeBybitState,
  leverageOf,
  ZERO,
} from "./bybit-state.ts";

// What a price move sets off, in the order the engine would meet it on the way: first the resting limit orders
// the last price reached (they fill at their own price), then the conditional orders whose trigger was reached
// (they fill at the new price, so a gap means slippage), then liquidations of the positions whose liquidation
// price the mark reached.

export function movePrice(state: FakeBybitState, symbol: string, prices: { last?: string; mark?: string }): void {
  const inst = state.instrument(symbol);
  if (prices.last !== undefined) inst.price = new Decimal(prices.last);
  if (prices.mark !== undefined) inst.markPrice = new Decimal(prices.mark);
  for (const a of state.accounts.values()) fillRestingLimits(state, a, inst);
  for (const a of state.accounts.values()) fireTriggers(state, a, inst);
  for (const a of state.accounts.values()) liquidate(state, a, inst);
}

function reached(inst: BybitInstrument, o: BybitOrder): boolean {
  const current = o.triggerBy === "LastPrice" ? inst.price : inst.markPrice;
  return o.triggerDirection === 1 ? current.gte(o.triggerPrice) : current.lte(o.triggerPrice);
}

function fireTriggers(state: FakeBybitState, a: BybitAccount, inst: BybitInstrument): void {
  const due = [...a.orders.values()]
    .filter((o) => o.symbol === inst.symbol && o.orderStatus === "Untriggered" && reached(inst, o))
    .sort((x, y) => x.createdTime - y.createdTime);
  for (const o of due) {
    // Same id after triggering; it now trades like a market order (and shows in history with its fill).
    o.orderStatus = "New";
    try {
      executeMarket(state, a, o);
    } catch (err) {
      if (!(err instanceof BybitError)) throw err;
      // A closing stop with nothing left to close, or an opening one the margin no longer covers.
      o.orderStatus = "Cancelled";
      o.cancelType = err.retCode === 110017 ? "CancelByReduceOnly" : "UNKNOWN";
      o.rejectReason = err.retCode === 110017 ? "EC_NoError" : "EC_Others";
      o.updatedTime = Date.now();
    }
  }
}

function liquidate(state: FakeBybitState, a: BybitAccount, inst: BybitInstrument): void {
  for (const p of a.positions.values()) {
    if (p.symbol !== inst.symbol || p.size.isZero()) continue;
    const leverage = leverageOf(a, p.symbol);
    if (!isLiquidated(inst, p, leverage)) continue;
    cancelBeforeLiquidation(state, a, p.symbol);
    const price = liquidationPrice(inst, p, leverage) ?? inst.markPrice;
    takeOver(state, a, p, price);
  }
}

function cancelBeforeLiquidation(state: FakeBybitState, a: BybitAccount, symbol: string): void {
  for (const o of a.orders.values()) if (o.symbol === symbol) cancelOpenOrder(state, o, "CancelAllBeforeLiq");
}

/** The liquidation engine closes the whole position at the liquidation price: execType BustTrade. */
function takeOver(state: FakeBybitState, a: BybitAccount, p: BybitPosition, price: Decimal): void {
  const now = Date.now();
  const qty = p.size.abs();
  const order: BybitOrder = {
    orderId: state.newOrderId(),
    orderLinkId: "",
    symbol: p.symbol,
    side: p.size.isPositive() ? "Sell" : "Buy",
    orderType: "Market",
    timeInForce: "IOC",
    orderStatus: "New",
    qty,
    price,
    cumExecQty: ZERO,
    cumExecValue: ZERO,
    cumExecFee: ZERO,
    triggerPrice: ZERO,
    triggerDirection: 0,
    triggerBy: "LastPrice",
    reduceOnly: true,
    closeOnTrigger: false,
    positionIdx: p.positionIdx,
    createType: "CreateByTakeOver_PassThrough",
    stopOrderType: "",
    cancelType: "UNKNOWN",
    rejectReason: "EC_NoError",
    lastPriceOnCreated: state.instrument(p.symbol).price,
    createdTime: now,
    updatedTime: now,
  };
  a.orders.set(order.orderId, order);
  applyFill(state, a, order, qty, price, "BustTrade");
  order.orderStatus = "Filled";
}
