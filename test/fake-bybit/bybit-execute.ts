import { Decimal } from "../../core/platform/decimal.ts";
import { faultFor } from "./bybit-faults.ts";
import { applyFill } from "./bybit-fill.ts";
import { availableBalance } from "./bybit-margin.ts";
import { startPending } from "./bybit-pending.ts";
import { closableQty, closesOnly } from "./bybit-reduce.ts";
import {
  type BybitAccount,
  BybitError,
  type BybitInstrument,
  type BybitOrder,
  type FakeBybitState,
  leverageOf,
  type Side,
} from "./bybit-state.ts";

// A market order meeting the book: at creation, or when its trigger fires. Bybit runs it as an IOC limit at
// a protection price (3% through the last price here), so the order's `price` is never what it filled at.
// Errors are thrown as Bybit answers them; for a triggered order the caller turns them into a cancellation.

const SLIPPAGE = new Decimal("0.03");

function protectionPrice(inst: BybitInstrument, side: Side): Decimal {
  const tick = new Decimal(inst.tickSize);
  const raw = inst.price.mul(side === "Buy" ? SLIPPAGE.add(1) : new Decimal(1).sub(SLIPPAGE));
  return side === "Buy" ? raw.div(tick).floor().mul(tick) : raw.div(tick).ceil().mul(tick);
}

/**
 * With `limit`: an IOC limit order, which fills at the last price only when that is within the limit (a buy at or
 * below it, a sell at or above it) and otherwise ends Cancelled with nothing filled, as Bybit answers an IOC that
 * met nothing. The market faults are for market orders only.
 */
export function executeMarket(state: FakeBybitState, a: BybitAccount, order: BybitOrder, limit?: Decimal): void {
  const inst = state.instrument(order.symbol);
  const price = inst.price;
  admit(state, a, order, price);
  order.updatedTime = Date.now();
  if (limit) {
    order.price = limit;
    if (order.side === "Buy" ? price.gt(limit) : price.lt(limit)) {
      order.orderStatus = "Cancelled";
      order.rejectReason = "EC_NoImmediateQtyToFill";
      return;
    }
    applyFill(state, a, order, order.qty, price);
    order.orderStatus = "Filled";
    return;
  }
  order.price = protectionPrice(inst, order.side);
  const fault = faultFor(state.config.marketFaults, a.apiKey, order.orderLinkId);
  if (fault) {
    startPending(state, a, order, fault);
    return;
  }
  applyFill(state, a, order, order.qty, price);
  order.orderStatus = "Filled";
}

/**
 * Bybit's checks of a new order valued at `price`: a closing one is trimmed to the position (refused with nothing
 * to close), an opening one needs the minimum notional and the margin (with its taker fee) available.
 */
export function admit(state: FakeBybitState, a: BybitAccount, order: BybitOrder, price: Decimal): void {
  const inst = state.instrument(order.symbol);
  if (closesOnly(order)) {
    // Trimmed to the position; with nothing to close Bybit answers 110017 (its docs word it "orderQty will be
    // truncated to zero"; the API was seen answering the message below).
    const room = closableQty(state, a, order);
    if (room.isZero()) throw new BybitError(110017, "Reduce-only rule not satisfied");
    if (room.lt(order.qty)) order.qty = room;
  } else {
    const value = order.qty.mul(price);
    if (value.lt(inst.minNotional)) throw new BybitError(110094, "Order notional value below the lower limit");
    const size = state.position(a, order.symbol, order.positionIdx).size;
    const grows = size
      .add(order.side === "Buy" ? order.qty : order.qty.neg())
      .abs()
      .sub(size.abs());
    const needed = Decimal.max(grows, 0)
      .mul(price)
      .div(leverageOf(a, order.symbol))
      .add(value.mul(state.config.takerFeeRate));
    if (needed.gt(availableBalance(state, a))) throw new BybitError(110007, "ab not enough for new order");
  }
}
