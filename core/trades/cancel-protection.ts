import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";

/**
 * Cancels the trade's resting TP/SL (every target and stop) and its resting limit entries (a zone's, DCA orders) on
 * the exchange and in our books: a closed trade must not be added to or reduced again. Idempotent: an order
 * already gone (filled, cancelled, never sent) counts as cancelled.
 */
export async function cancelProtection(
  trade: { id: string; symbol: string },
  deps: { db: DbClient; exchange: ExchangeClient },
  opts: { except?: string } = {},
): Promise<number> {
  const resting = await deps.db.order.findMany({
    where: {
      tradeId: trade.id,
      OR: [
        { kind: { in: ["take_profit", "stop_loss"] }, status: { in: ["open", "sending"] } },
        // A market or IOC entry is never left "open"; a limit one rests until filled, expired or cancelled.
        { kind: { in: ["entry", "dca"] }, type: "limit", status: "open" },
      ],
      ...(opts.except && { id: { not: opts.except } }),
    },
  });
  // A ladder's targets and its stop are cancelled at once, not one request after another.
  await Promise.all(resting.map((o) => deps.exchange.cancelOrder(trade.symbol, o.clientOrderId)));
  // One still "sending" may land after this cancel: it stays so, and the sync after the trade's close looks it up
  // again and cancels it then.
  const canceled = resting.filter((o) => o.status === "open").map((o) => o.id);
  if (canceled.length)
    await deps.db.order.updateMany({ where: { id: { in: canceled } }, data: { status: "canceled" } });
  return resting.length;
}
