import { Decimal } from "../../core/platform/decimal.ts";
import { type BybitMarketFault, firstFillQty } from "./bybit-faults.ts";
import { applyFill } from "./bybit-fill.ts";
import { closableQty, closesOnly } from "./bybit-reduce.ts";
import type { BybitAccount, BybitOrder, FakeBybitState } from "./bybit-state.ts";

// The life of a faulted market order after its create was answered: the first part fills at once, the rest
// plays out on a timer (FakeBybitConfig.settleAfterMs) or when the test calls settlePending().

export function startPending(state: FakeBybitState, a: BybitAccount, order: BybitOrder, fault: BybitMarketFault): void {
  const inst = state.instrument(order.symbol);
  const first = firstFillQty(fault, order.qty, new Decimal(inst.qtyStep));
  if (first.gt(0)) applyFill(state, a, order, first, inst.price);
  order.orderStatus = first.gt(0) ? "PartiallyFilled" : "New";
  const timer = setTimeout(() => settle(state, order.orderId), state.config.settleAfterMs);
  timer.unref();
  state.pending.set(order.orderId, { apiKey: a.apiKey, order, fault, timer });
}

/** Plays out one pending order now; false when it is no longer pending. */
export function settle(state: FakeBybitState, orderId: string): boolean {
  const p = state.pending.get(orderId);
  if (!p) return false;
  clearTimeout(p.timer);
  state.pending.delete(orderId);
  const a = state.account(p.apiKey);
  const { order, fault } = p;
  order.updatedTime = Date.now();
  if (fault.outcome !== "fill") {
    endCancelled(order, fault, order.cumExecQty.gt(0) ? "EC_CancelForNoFullFill" : "EC_NoImmediateQtyToFill");
    return true;
  }
  let rest = order.qty.sub(order.cumExecQty);
  // The position may have been closed meanwhile (by the user, a stop or a liquidation): close only what is left.
  if (closesOnly(order)) rest = Decimal.min(rest, closableQty(state, a, order));
  if (rest.gt(0)) applyFill(state, a, order, rest, state.instrument(order.symbol).price);
  if (order.cumExecQty.eq(order.qty)) order.orderStatus = "Filled";
  else endCancelled(order, fault, "EC_NoError", "CancelByReduceOnly");
  return true;
}

export function settleAll(state: FakeBybitState): number {
  let n = 0;
  for (const id of [...state.pending.keys()]) if (settle(state, id)) n += 1;
  return n;
}

/** The order was cancelled (by its owner, or before a liquidation): whatever filled stays filled. */
export function dropPending(state: FakeBybitState, orderId: string): void {
  const p = state.pending.get(orderId);
  if (!p) return;
  clearTimeout(p.timer);
  state.pending.delete(orderId);
}

export function clearAllPending(state: FakeBybitState): void {
  for (const p of state.pending.values()) clearTimeout(p.timer);
  state.pending.clear();
}

function endCancelled(order: BybitOrder, fault: BybitMarketFault, rejectReason: string, cancelType = "UNKNOWN"): void {
  const partly = order.cumExecQty.gt(0);
  order.orderStatus = partly ? (fault.cancelStatus ?? "Cancelled") : "Cancelled";
  order.rejectReason = rejectReason;
  order.cancelType = cancelType;
}
