import type { Decimal } from "../platform/decimal.ts";
import type { ExchangeClient, OrderResult } from "./exchange.ts";

/** The reduce-only market order that flattens `symbol`, on any venue; null when there is nothing to close. */
export async function closeWholePosition(
  venue: Pick<ExchangeClient, "fetchPositions" | "createOrder">,
  symbol: string,
  clientOrderId: string,
  referencePrice?: Decimal,
): Promise<OrderResult | null> {
  const position = (await venue.fetchPositions()).find((p) => p.symbol === symbol);
  if (!position) return null;
  return venue.createOrder({
    symbol,
    side: position.side === "long" ? "sell" : "buy",
    type: "market",
    amount: position.contracts,
    reduceOnly: true,
    clientOrderId,
    referencePrice,
  });
}
