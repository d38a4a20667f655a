import ccxt, { type Exchange } from "ccxt";
import { isCcxtExchange } from "./generic-venue-profile.ts";

// Building a ccxt instance takes milliseconds; the answer never changes for an installed ccxt.
const verdicts = new Map<string, string | undefined>();

const BOOKS = ["fetchOpenOrders", "fetchClosedOrders"] as const;

/**
 * Why an exchange without a hand-walked venue profile cannot be traded through the generic one, or undefined
 * when it can. Mimic places each order exactly once by looking its client order id up after any uncertain
 * send; an exchange where that lookup may miss a placed order would get duplicate orders.
 *
 * ccxt has no one flag for "finds an order by client id": `has.fetchOrderWithClientOrderId` (ccxt 4.5) is set
 * by a handful of exchanges, and whether `fetchOrder` reads a client id from params is in each exchange's code
 * only. So that flag decides where ccxt sets it; elsewhere the exchange must support what the generic profile
 * falls back to when `fetchOrder` cannot take a client id: searching the open and the recent closed orders,
 * i.e. `fetchOpenOrders` and `fetchClosedOrders` implemented and described by ccxt's `features` for linear
 * perpetuals. A filled market order is in neither book on an exchange without closed-order history.
 */
export function genericVenueRefusal(exchangeId: string): string | undefined {
  if (!verdicts.has(exchangeId)) verdicts.set(exchangeId, judge(exchangeId));
  return verdicts.get(exchangeId);
}

function judge(exchangeId: string): string | undefined {
  const ExchangeClass = (ccxt as unknown as Record<string, new () => Exchange>)[exchangeId];
  if (!isCcxtExchange(exchangeId) || !ExchangeClass) return `"${exchangeId}" is not a supported exchange`;
  const ex = new ExchangeClass();
  const linear = ex.features?.swap?.linear as Record<string, unknown> | undefined;
  if (!linear) {
    return `"${exchangeId}" has no linear perpetual futures in ccxt, the only markets Mimic trades`;
  }
  const byFlag = ex.has.fetchOrderWithClientOrderId;
  const canLookUp =
    byFlag === true ||
    (byFlag !== false &&
      BOOKS.every((method) => (ex.has[method] === true || ex.has[method] === "emulated") && linear[method]));
  if (canLookUp) return undefined;
  return `"${exchangeId}" cannot look up orders by client order id, which Mimic needs to place each order exactly once`;
}
