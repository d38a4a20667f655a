import { Decimal } from "../../core/platform/decimal.ts";
import { liquidationPrice, positionIM, positionMM, unrealisedPnl } from "./bybit-margin.ts";
import {
  type BybitAccount,
  type BybitClosedPnl,
  type BybitExecution,
  type BybitOrder,
  type BybitPosition,
  type FakeBybitState,
  leverageOf,
} from "./bybit-state.ts";

// Records as Bybit v5 prints them: every number a string, prices on the tick's decimals, quantities on the lot
// step's ("0.10"), money to 8 decimals, "0" rather than "" for an order's unfilled average.

const decimalsOf = (step: string) => new Decimal(step).decimalPlaces();
const money = (d: Decimal) => d.toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed();

function formats(state: FakeBybitState, symbol: string) {
  const inst = state.instrument(symbol);
  const pd = decimalsOf(inst.tickSize);
  const qd = decimalsOf(inst.qtyStep);
  return {
    price: (d: Decimal) => d.toFixed(pd),
    qty: (d: Decimal) => d.toFixed(qd),
    /** An average is not on the tick: Bybit prints it with more decimals. */
    avg: (d: Decimal) => d.toDecimalPlaces(pd + 4, Decimal.ROUND_HALF_UP).toFixed(),
  };
}

export function orderJson(state: FakeBybitState, o: BybitOrder): Record<string, unknown> {
  const f = formats(state, o.symbol);
  const avg = o.cumExecQty.isZero() ? new Decimal(0) : o.cumExecValue.div(o.cumExecQty);
  const leaves = o.qty.sub(o.cumExecQty);
  const done = !["New", "PartiallyFilled", "Untriggered"].includes(o.orderStatus);
  return {
    orderId: o.orderId,
    orderLinkId: o.orderLinkId,
    blockTradeId: "",
    symbol: o.symbol,
    price: f.price(o.price),
    qty: f.qty(o.qty),
    side: o.side,
    isLeverage: "",
    positionIdx: o.positionIdx,
    orderStatus: o.orderStatus,
    createType: o.createType,
    cancelType: o.cancelType,
    rejectReason: o.rejectReason,
    avgPrice: avg.isZero() ? "0" : f.avg(avg),
    // A finished order has nothing left to fill, whatever part of it never did.
    leavesQty: done ? f.qty(new Decimal(0)) : f.qty(leaves),
    leavesValue: done ? "0" : money(leaves.mul(o.price)),
    cumExecQty: f.qty(o.cumExecQty),
    cumExecValue: money(o.cumExecValue),
    cumExecFee: money(o.cumExecFee),
    cumFeeDetail: o.cumExecFee.isZero() ? {} : { USDT: money(o.cumExecFee) },
    timeInForce: o.timeInForce,
    orderType: o.orderType,
    stopOrderType: o.stopOrderType,
    orderIv: "",
    triggerPrice: f.price(o.triggerPrice),
    takeProfit: "",
    stopLoss: "",
    tpTriggerBy: "",
    slTriggerBy: "",
    triggerDirection: o.triggerDirection,
    triggerBy: o.triggerPrice.isZero() ? "" : o.triggerBy,
    lastPriceOnCreated: f.price(o.lastPriceOnCreated),
    reduceOnly: o.reduceOnly,
    closeOnTrigger: o.closeOnTrigger,
    smpType: "None",
    smpGroup: 0,
    smpOrderId: "",
    tpslMode: "",
    tpLimitPrice: "",
    slLimitPrice: "",
    placeType: "",
    createdTime: String(o.createdTime),
    updatedTime: String(o.updatedTime),
  };
}

export function executionJson(state: FakeBybitState, e: BybitExecution): Record<string, unknown> {
  const f = formats(state, e.symbol);
  return {
    symbol: e.symbol,
    orderId: e.orderId,
    orderLinkId: e.orderLinkId,
    side: e.side,
    orderPrice: f.price(e.orderPrice),
    orderQty: f.qty(e.orderQty),
    leavesQty: f.qty(e.leavesQty),
    createType: e.createType,
    orderType: e.orderType,
    stopOrderType: e.stopOrderType,
    execFee: money(e.execFee),
    execId: e.execId,
    execPrice: f.price(e.execPrice),
    execQty: f.qty(e.execQty),
    execType: e.execType,
    execValue: money(e.execQty.mul(e.execPrice)),
    execTime: String(e.execTime),
    feeCurrency: "USDT",
    isMaker: e.isMaker,
    feeRate: e.feeRate.toFixed(),
    tradeIv: "",
    markIv: "",
    markPrice: f.price(e.markPrice),
    indexPrice: "",
    underlyingPrice: "",
    blockTradeId: "",
    closedSize: f.qty(e.closedSize),
    seq: e.seq,
    extraFees: "",
  };
}

/** A flat position still has a row (asked for by symbol): side "", size "0", prices "0" / "". */
export function positionJson(state: FakeBybitState, a: BybitAccount, p: BybitPosition): Record<string, unknown> {
  const f = formats(state, p.symbol);
  const inst = state.instrument(p.symbol);
  const leverage = leverageOf(a, p.symbol);
  const flat = p.size.isZero();
  const liq = liquidationPrice(inst, p, leverage);
  const upnl = unrealisedPnl(inst, p);
  return {
    positionIdx: p.positionIdx,
    riskId: 1,
    riskLimitValue: "2000000",
    symbol: p.symbol,
    side: flat ? "" : p.size.isPositive() ? "Buy" : "Sell",
    size: f.qty(p.size.abs()),
    avgPrice: flat ? "0" : f.avg(p.avgPrice),
    positionValue: flat ? "" : money(p.size.abs().mul(p.avgPrice)),
    autoAddMargin: 0,
    positionStatus: "Normal",
    leverage: leverage.toFixed(),
    markPrice: f.price(inst.markPrice),
    liqPrice: liq ? f.price(liq) : "",
    bustPrice: "",
    positionIM: money(positionIM(state, a, p)),
    positionIMByMp: money(positionIM(state, a, p)),
    positionMM: money(positionMM(state, p)),
    positionMMByMp: money(positionMM(state, p)),
    positionBalance: "",
    takeProfit: "",
    stopLoss: "",
    trailingStop: "0",
    sessionAvgPrice: "",
    unrealisedPnl: money(upnl),
    curRealisedPnl: money(p.curRealisedPnl),
    cumRealisedPnl: money(p.cumRealisedPnl),
    adlRankIndicator: flat ? 0 : 2,
    createdTime: String(p.createdTime),
    updatedTime: String(p.updatedTime),
    seq: p.seq,
    isReduceOnly: false,
    mmrSysUpdatedTime: "",
    leverageSysUpdatedTime: "",
    tpslMode: "Full",
    tradeMode: 0,
  };
}

export function closedPnlJson(state: FakeBybitState, r: BybitClosedPnl): Record<string, unknown> {
  const f = formats(state, r.symbol);
  return {
    symbol: r.symbol,
    orderId: r.orderId,
    side: r.side,
    qty: f.qty(r.qty),
    orderPrice: f.price(r.orderPrice),
    orderType: "Market",
    execType: r.execType,
    closedSize: f.qty(r.closedSize),
    cumEntryValue: money(r.cumEntryValue),
    avgEntryPrice: f.avg(r.cumEntryValue.div(r.closedSize)),
    cumExitValue: money(r.cumExitValue),
    avgExitPrice: f.avg(r.cumExitValue.div(r.closedSize)),
    closedPnl: money(r.closedPnl),
    fillCount: String(r.fillCount),
    leverage: r.leverage,
    createdTime: String(r.createdTime),
    updatedTime: String(r.updatedTime),
  };
}
