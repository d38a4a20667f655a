import { dropPending } from "./bybit-pending.ts";
import { type BybitOrder, type FakeBybitState, isOpen } from "./bybit-state.ts";

/**
 * Cancels an open order; false if it is not open. A conditional order that never triggered ends "Deactivated"
 * (Bybit's status for that, which ccxt reads as canceled); anything else "Cancelled", keeping what it filled.
 */
export function cancelOpenOrder(state: FakeBybitState, o: BybitOrder, cancelType = "CancelByUser"): boolean {
  if (!isOpen(o)) return false;
  dropPending(state, o.orderId);
  o.orderStatus = o.orderStatus === "Untriggered" ? "Deactivated" : "Cancelled";
  o.cancelType = cancelType;
  o.updatedTime = Date.now();
  return true;
}
