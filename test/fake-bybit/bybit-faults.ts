import { Decimal } from "../../core/platform/decimal.ts";

// Market orders that do not fill at once. Bybit turns a market order into an IOC limit at a protection price,
// so in a thin or fast book it fills in parts, or part of it is cancelled, or none of it fills. The create call
// is answered with ids either way; what happened shows only in the order's status and the executions.

export interface BybitMarketFault {
  /** Only orders carrying one of these orderLinkIds (so never the app's orders without one). All when absent. */
  orderLinkIds?: string[];
  apiKeys?: string[];
  /**
   * "fill": PartiallyFilled at once, Filled when settled (the rest at the price of that moment).
   * "cancel": PartiallyFilled at once, then the rest is cancelled: the order ends `cancelStatus` with the part.
   * "expire": New at once, then cancelled with nothing filled (Cancelled, cumExecQty 0).
   */
  outcome: "fill" | "cancel" | "expire";
  /** Share of the qty filled at once ("fill" and "cancel"), rounded down to the lot step. Default 0.5. */
  firstFillRatio?: number | string;
  /**
   * How a partly filled order that lost its rest ends. Bybit documents PartiallyFilledCanceled as spot only:
   * a linear order ends "Cancelled" with cumExecQty > 0, hence the default.
   */
  cancelStatus?: "Cancelled" | "PartiallyFilledCanceled";
}

/** The first fault that targets this order, if any. */
export function faultFor(
  faults: readonly BybitMarketFault[],
  apiKey: string,
  orderLinkId: string,
): BybitMarketFault | undefined {
  return faults.find(
    (f) => (!f.orderLinkIds || f.orderLinkIds.includes(orderLinkId)) && (!f.apiKeys || f.apiKeys.includes(apiKey)),
  );
}

/** The qty filled when the order is accepted: between one lot and all but one lot, or none if it is one lot. */
export function firstFillQty(fault: BybitMarketFault, qty: Decimal, step: Decimal): Decimal {
  if (fault.outcome === "expire" || qty.lte(step)) return new Decimal(0);
  const wanted = qty
    .mul(fault.firstFillRatio ?? 0.5)
    .div(step)
    .floor()
    .mul(step);
  return Decimal.min(Decimal.max(wanted, step), qty.sub(step));
}
