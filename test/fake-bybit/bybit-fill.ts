import { Decimal } from "../../core/platform/decimal.ts";
import {
  type BybitAccount,
  type BybitExecution,
  type BybitOrder,
  type ExecType,
  type FakeBybitState,
  leverageOf,
  ZERO,
} from "./bybit-state.ts";

// One fill of one order: the position moves, realised PnL and the fee settle into the wallet, and the execution
// is recorded the way GET /v5/execution/list reports it. Every path that trades comes through here: API orders,
// the app's orders, triggered conditional orders, resting limits (the maker fee) and liquidations.

/** Bybit reports fees to 8 decimals; the wallet is charged exactly what is reported. */
const feeOf = (value: Decimal, rate: Decimal) => value.mul(rate).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);

export function applyFill(
  state: FakeBybitState,
  a: BybitAccount,
  order: BybitOrder,
  qty: Decimal,
  price: Decimal,
  execType: ExecType = "Trade",
  maker = false,
): BybitExecution {
  const now = Date.now();
  const inst = state.instrument(order.symbol);
  const pos = state.position(a, order.symbol, order.positionIdx);
  const rate = maker ? state.config.makerFeeRate : state.config.takerFeeRate;
  const value = qty.mul(price);
  const fee = feeOf(value, rate);
  const signed = order.side === "Buy" ? qty : qty.neg();
  const old = pos.size;
  const next = old.add(signed);
  const reducing = !old.isZero() && old.isPositive() !== signed.isPositive();
  const closed = reducing ? Decimal.min(old.abs(), qty) : ZERO;
  const entry = pos.avgPrice;
  let pnl = ZERO;
  if (reducing) {
    pnl = price
      .sub(entry)
      .mul(closed)
      .mul(old.isPositive() ? 1 : -1);
    if (next.isZero()) pos.avgPrice = ZERO;
    else if (next.isPositive() !== old.isPositive()) pos.avgPrice = price;
  } else {
    pos.avgPrice = old.abs().mul(entry).add(value).div(next.abs());
  }
  if (old.isZero()) {
    pos.createdTime = now;
    pos.curRealisedPnl = ZERO;
  }
  a.wallet = a.wallet.add(pnl).sub(fee);
  pos.size = next;
  pos.curRealisedPnl = next.isZero() ? ZERO : pos.curRealisedPnl.add(pnl).sub(fee);
  pos.cumRealisedPnl = pos.cumRealisedPnl.add(pnl).sub(fee);
  pos.updatedTime = now;
  pos.seq = state.newSeq();

  order.cumExecQty = order.cumExecQty.add(qty);
  order.cumExecValue = order.cumExecValue.add(value);
  order.cumExecFee = order.cumExecFee.add(fee);
  order.updatedTime = now;

  if (closed.gt(0)) {
    // The closing share of this fill's fee, plus what opening the closed part cost, taken to be a taker's (the
    // position does not remember how it was opened).
    const fees = fee.mul(closed).div(qty).add(closed.mul(entry).mul(state.config.takerFeeRate));
    recordClosedPnl(a, order, { closed, entry, price, net: pnl.sub(fees), execType, now });
  }
  const execution: BybitExecution = {
    symbol: order.symbol,
    orderId: order.orderId,
    orderLinkId: order.orderLinkId,
    side: order.side,
    orderPrice: order.price,
    orderQty: order.qty,
    leavesQty: order.qty.sub(order.cumExecQty),
    createType: order.createType,
    stopOrderType: order.stopOrderType || "UNKNOWN",
    execFee: fee,
    execId: state.newExecId(),
    execPrice: price,
    execQty: qty,
    execType,
    orderType: order.orderType,
    isMaker: maker,
    execTime: now,
    feeRate: rate,
    closedSize: closed,
    markPrice: inst.markPrice,
    seq: pos.seq,
  };
  a.executions.push(execution);
  return execution;
}

function recordClosedPnl(
  a: BybitAccount,
  o: BybitOrder,
  f: { closed: Decimal; entry: Decimal; price: Decimal; net: Decimal; execType: ExecType; now: number },
): void {
  let rec = a.closedPnl.find((r) => r.orderId === o.orderId);
  if (!rec) {
    rec = {
      symbol: o.symbol,
      orderId: o.orderId,
      side: o.side,
      qty: o.qty,
      orderPrice: o.price,
      execType: f.execType,
      closedSize: ZERO,
      cumEntryValue: ZERO,
      cumExitValue: ZERO,
      closedPnl: ZERO,
      fillCount: 0,
      leverage: leverageOf(a, o.symbol).toFixed(),
      createdTime: f.now,
      updatedTime: f.now,
    };
    a.closedPnl.push(rec);
  }
  rec.qty = o.qty;
  rec.closedSize = rec.closedSize.add(f.closed);
  rec.cumEntryValue = rec.cumEntryValue.add(f.closed.mul(f.entry));
  rec.cumExitValue = rec.cumExitValue.add(f.closed.mul(f.price));
  rec.closedPnl = rec.closedPnl.add(f.net);
  rec.fillCount += 1;
  rec.updatedTime = f.now;
}
