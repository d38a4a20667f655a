import type { ExchangeClient } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";

/**
 * TP/SL that earlier, finished trades left on the account's symbol: reduce-only orders that would close the new
 * position at an old price. Cancelled before a new entry goes in.
 */
export async function cancelStrayProtection(
  accountId: string,
  symbol: string,
  deps: { db: DbClient; exchange: ExchangeClient },
): Promise<number> {
  const stray = await deps.db.order.findMany({
    where: {
      symbol,
      kind: { in: ["take_profit", "stop_loss"] },
      status: { in: ["open", "sending"] },
      trade: { accountId, status: "closed" },
    },
  });
  for (const o of stray) {
    await deps.exchange.cancelOrder(symbol, o.clientOrderId);
    await deps.db.order.update({ where: { id: o.id }, data: { status: "canceled" } });
  }
  return stray.length;
}
