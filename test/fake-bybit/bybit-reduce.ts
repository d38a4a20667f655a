import type { Decimal } from "../../core/platform/decimal.ts";
import { type BybitAccount, type BybitOrder, type FakeBybitState, ZERO } from "./bybit-state.ts";

// Which orders may only close, and how much they may close. In one-way mode that is the reduceOnly (or
// closeOnTrigger) flag. In hedge mode the side does it: a Sell on the long side (positionIdx 1) or a Buy on the
// short side (2) closes, with or without the flag (ccxt drops reduceOnly there and sends only positionIdx).

export function closesOnly(order: BybitOrder): boolean {
  if (order.positionIdx === 0) return order.reduceOnly || order.closeOnTrigger;
  return order.reduceOnly || (order.positionIdx === 1) !== (order.side === "Buy");
}

/** What the order can still close of its position: Bybit trims a closing order to this, and refuses at zero. */
export function closableQty(state: FakeBybitState, a: BybitAccount, order: BybitOrder): Decimal {
  const pos = state.position(a, order.symbol, order.positionIdx).size;
  const against = pos.isPositive() ? order.side === "Sell" : pos.isNegative() ? order.side === "Buy" : false;
  return against ? pos.abs() : ZERO;
}
