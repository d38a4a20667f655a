import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";

/**
 * Cancels the trade's resting TP/SL on the exchange and in our books. Idempotent: an order already gone (filled,
 * cancelled, never sent) counts as cancelled.
 */
export async function cancelProtection(
  trade: { id: string; symbol: string },
  deps: { db: DbClient; exchange: ExchangeClient },
  opts: { except?: string } = {},
): Promise<number> {
  const resting = await deps.db.order.findMany({
    where: {
      tradeId: trade.id,
      kind: { in: ["take_profit", "stop_loss"] },
      status: { in: ["open", "sending"] },
      ...(opts.except && { id: { not: opts.except } }),
    },
  });
  for (const o of resting) {
    await deps.exchange.cancelOrder(trade.symbol, o.clientOrderId);
    // One still "sending" may land after this cancel: it stays so, and the sync after the trade's close looks
    // it up again and cancels it then.
    if (o.status === "open") await deps.db.order.update({ where: { id: o.id }, data: { status: "canceled" } });
  }
  return resting.length;
}
