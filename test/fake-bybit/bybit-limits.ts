import { Decimal } from "../../core/platform/decimal.ts";
import { admit } from "./bybit-execute.ts";
import { applyFill } from "./bybit-fill.ts";
import { closableQty, closesOnly } from "./bybit-reduce.ts";
import {
  type BybitAccount,
  BybitError,
  type BybitInstrument,
  type BybitOrder,
  type FakeBybitState,
  isOpen,
} from "./bybit-state.ts";

// GTC limit orders: there is no book, so the last price stands for it. A new one is checked at its own price; one
// the price has already passed takes at the last price at once (a taker), any other rests New until the last
// price reaches it and then fills what is left at its own price, as a maker. A test can fill part of one
// (fillLimit) to see it PartiallyFilled; cancelled, it keeps what filled ("Cancelled", cumExecQty kept: linear
// orders never end PartiallyFilledCanceled, which is Bybit's spot status). A closing one only ever closes: what
// the position no longer covers is cancelled (CancelByReduceOnly).

const crossed = (o: BybitOrder, last: Decimal) => (o.side === "Buy" ? last.lte(o.price) : last.gte(o.price));

export function placeRestingLimit(state: FakeBybitState, a: BybitAccount, order: BybitOrder, limit: Decimal): void {
  const inst = state.instrument(order.symbol);
  admit(state, a, order, limit);
  order.price = limit;
  order.updatedTime = Date.now();
  if (!crossed(order, inst.price)) return;
  applyFill(state, a, order, order.qty, inst.price);
  order.orderStatus = "Filled";
}

/** After a price move: every resting limit of the account in the symbol that the last price reached fills. */
export function fillRestingLimits(state: FakeBybitState, a: BybitAccount, inst: BybitInstrument): void {
  const due = [...a.orders.values()]
    .filter((o) => o.symbol === inst.symbol && isResting(o) && crossed(o, inst.price))
    .sort((x, y) => x.createdTime - y.createdTime);
  for (const o of due) fillPart(state, a, o, o.qty);
}

/** A test's partial (or whole) fill of one resting limit at its price; `qty` on the lot step, at most what is left. */
export function fillLimit(state: FakeBybitState, a: BybitAccount, orderLinkId: string, qty: string): BybitOrder {
  const o = a.orders.get(orderLinkId);
  if (!o || !isResting(o)) throw new BybitError(110001, "order not exists or too late to cancel");
  const amount = new Decimal(qty);
  const step = state.instrument(o.symbol).qtyStep;
  if (amount.lte(0) || !amount.mod(step).isZero()) throw new BybitError(10001, "params error: qty invalid");
  if (amount.gt(o.qty.sub(o.cumExecQty))) throw new Error(`only ${o.qty.sub(o.cumExecQty)} of ${orderLinkId} left`);
  fillPart(state, a, o, amount);
  return o;
}

function isResting(o: BybitOrder): boolean {
  return o.orderType === "Limit" && o.timeInForce === "GTC" && isOpen(o);
}

function fillPart(state: FakeBybitState, a: BybitAccount, o: BybitOrder, qty: Decimal): void {
  let part = Decimal.min(qty, o.qty.sub(o.cumExecQty));
  const room = closesOnly(o) ? closableQty(state, a, o) : undefined;
  if (room) part = Decimal.min(part, room);
  if (part.gt(0)) applyFill(state, a, o, part, o.price, "Trade", true);
  o.updatedTime = Date.now();
  if (o.cumExecQty.eq(o.qty)) {
    o.orderStatus = "Filled";
  } else if (room?.lte(part)) {
    o.orderStatus = "Cancelled";
    o.cancelType = "CancelByReduceOnly";
  } else if (o.cumExecQty.gt(0)) {
    o.orderStatus = "PartiallyFilled";
  }
}
