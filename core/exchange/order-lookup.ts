import { type Order, OrderNotFound } from "ccxt";

// ccxt's signatures want an order id; with a client id in params (our only handle) it is left out of the request.
export const BY_CLIENT_ID = undefined as unknown as string;

/** Tries each query in turn; "not found" (raised or an empty answer) moves on to the next. */
export async function firstFound(queries: Array<() => Promise<Order | undefined>>): Promise<Order | undefined> {
  for (const query of queries) {
    try {
      const order = await query();
      if (order) return order;
    } catch (err) {
      if (!(err instanceof OrderNotFound)) throw err;
    }
  }
  return undefined;
}
