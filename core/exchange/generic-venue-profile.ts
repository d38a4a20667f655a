import ccxt, { ArgumentsRequired, type Dict, type Exchange, NotSupported, type Order } from "ccxt";
import { BY_CLIENT_ID, firstFound } from "./order-lookup.ts";
import type { VenueProfile } from "./venue-profiles.ts";

// ccxt's unified params cover most venues; where a venue cannot query by client id directly, the open and
// recent books are scanned instead.
const tolerant = (query: () => Promise<Order | undefined>) => async (): Promise<Order | undefined> => {
  try {
    return await query();
  } catch (err) {
    if (err instanceof ArgumentsRequired || err instanceof NotSupported) return undefined;
    throw err;
  }
};

const inBook = (orders: Order[], id: string) => orders.find((o) => o.clientOrderId === id);

/** The profile for any ccxt exchange without a hand-walked one: unified calls and params only. */
export function genericVenueProfile(exchangeId: string): VenueProfile {
  return {
    exchangeId,
    settle: "USDT",
    ccxtOptions: { defaultType: "swap" } as Dict,
    findByClientId: (ex: Exchange, symbol: string, id: string) =>
      firstFound([
        tolerant(() => ex.fetchOrder(BY_CLIENT_ID, symbol, { clientOrderId: id })),
        tolerant(async () => inBook(await ex.fetchOpenOrders(symbol), id)),
        tolerant(async () => (ex.has.fetchClosedOrders ? inBook(await ex.fetchClosedOrders(symbol), id) : undefined)),
      ]),
    cancelByClientId: (id) => [{ clientOrderId: id }],
    cancelAllVariants: [{}],
    openOrderVariants: [{}],
    fillVariants: [{}],
    fillsPageLimit: 100,
    errorCodes: {},
    leverageUnchangedCodes: [],
    accountScopedOptions: [],
  };
}

export function isCcxtExchange(exchangeId: string): boolean {
  return (ccxt.exchanges as string[]).includes(exchangeId);
}
