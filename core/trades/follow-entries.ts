import type { Logger } from "pino";
import type { Order, Trade } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, OrderResult } from "../exchange/exchange.ts";
import { queueTradeEvent } from "../notifications/queue-trade-event.ts";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { reprotectTrade } from "./reprotect-trade.ts";
import { settleZoneExecution } from "./settle-zone-execution.ts";
import { applyTradeFills, closeTradeRecord } from "./trade-store.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/** The resting limit orders that add to a trade: the zone's entries and the DCA orders. */
export const isRestingEntry = (o: Order) =>
  (o.kind === "entry" || o.kind === "dca") && o.type === "limit" && o.status === "open";

/**
 * Follows a trade's resting limit entries (an entry zone, DCA orders), when reconciliation saw its position grow,
 * the zone's time run out, or the protection lag behind what filled:
 * - looks each resting order up, and records what filled (a partial fill too);
 * - cancels what must not fill any more: the zone's entries past `entryDeadline`, or every one of them (`endAll`:
 *   a target filled, the trade has moved on);
 * - recomputes the trade from its orders, tells the follower of each order that filled, and places the trade's
 *   TP/SL again for the grown amount (`reprotectTrade`);
 * - once no zone entry rests, the zone is over: a zone that bought nothing closes its trade as expired, and the
 *   entry's execution gets its outcome (`settleZoneExecution`), unless the caller reports it (`settle: false`).
 * Every step converges on what the exchange says, so running it again changes nothing.
 */
export async function followEntries(
  input: { tradeId: string; now: Date; endAll?: boolean; settle?: boolean },
  deps: Deps,
): Promise<Trade> {
  const { db, exchange } = deps;
  let trade = await db.trade.findUniqueOrThrow({ where: { id: input.tradeId } });
  if (trade.status !== "open") return trade;
  const orders = await db.order.findMany({ where: { tradeId: trade.id } });
  const resting = orders.filter(isRestingEntry);
  const zoneOver = !!trade.entryDeadline && trade.entryDeadline <= input.now;
  const answers = await Promise.all(resting.map((o) => exchange.findOrder(trade.symbol, o.clientOrderId)));
  const filledNow: Order[] = [];
  for (const [i, o] of resting.entries()) {
    let found: OrderResult | null = answers[i] ?? null;
    const ends = input.endAll || (zoneOver && o.kind === "entry");
    if (ends && (!found || found.status === "open")) {
      await exchange.cancelOrder(trade.symbol, o.clientOrderId);
      // What filled before the cancel took is the order's for good.
      const after = await exchange.findOrder(trade.symbol, o.clientOrderId);
      found = after && after.status !== "open" ? after : { ...(after ?? found ?? blank(o)), status: "canceled" };
    }
    if (!found) continue;
    const before = dec(o.filledAmount ?? 0);
    if (found.status === o.status && found.filledAmount.eq(before)) continue;
    await db.order.update({
      where: { id: o.id },
      data: {
        status: found.status,
        exchangeOrderId: found.exchangeOrderId || o.exchangeOrderId,
        filledAmount: found.filledAmount.toString(),
        avgPrice: found.avgPrice?.toString() ?? o.avgPrice,
      },
    });
    if (found.filledAmount.gt(before)) filledNow.push({ ...o, status: found.status });
  }
  trade = await applyTradeFills(db, trade.id, []);
  for (const o of filledNow) {
    await queueTradeEvent(db, { kind: "entry_filled", tradeId: trade.id, orderId: o.id, final: o.status !== "open" });
  }
  if (filledNow.length) {
    deps.logger.info({ tradeId: trade.id, filled: filledNow.map((o) => o.clientOrderId) }, "limit entries filled");
  }
  await reprotectTrade(trade.id, deps);

  const zoneResting = await db.order.count({
    where: { tradeId: trade.id, kind: "entry", status: { in: ["open", "sending"] } },
  });
  if (trade.entryDeadline && zoneResting === 0) {
    trade = await db.trade.update({ where: { id: trade.id }, data: { entryDeadline: null } });
    const note = zoneOver ? "the entry zone expired" : input.endAll ? "the entry zone ended at the first target" : "";
    if (!dec(trade.entryAmount).gt(0)) {
      await closeTradeRecord(db, trade.id, "expired", input.now);
      trade = await db.trade.findUniqueOrThrow({ where: { id: trade.id } });
    }
    if (input.settle !== false) await settleZoneExecution({ tradeId: trade.id, note: note || undefined }, deps);
  }
  return trade;
}

/** An order the exchange no longer knows: it ends with what we had recorded of it. */
function blank(o: Order): OrderResult {
  return {
    exchangeOrderId: o.exchangeOrderId ?? "",
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side as OrderResult["side"],
    status: "canceled",
    filledAmount: dec(o.filledAmount ?? 0),
    avgPrice: o.avgPrice ? dec(o.avgPrice) : undefined,
  };
}
