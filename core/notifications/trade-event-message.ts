import { z } from "zod";
import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { TARGET_LEG_SPAN } from "../trades/split-targets.ts";
import type { NotificationMessage } from "./notification-message.ts";

// What queue-trade-event.ts wrote: the trade and the order the event is about (a stop by its client order id, which
// the move knows without reading the row back).
const payloads = {
  target: z.object({ tradeId: z.string(), orderId: z.string(), leg: z.number() }),
  entry_filled: z.object({ tradeId: z.string(), orderId: z.string(), final: z.boolean() }),
  stop_moved: z.object({
    tradeId: z.string(),
    clientOrderId: z.string(),
    revision: z.number(),
    from: z.string().nullable(),
  }),
};

type TradeEventKind = "target" | "stop_moved" | "entry_filled";
type TradeEventMessage = Extract<NotificationMessage, { kind: TradeEventKind }>;

/**
 * A target that filled (its amount, price and PnL against the trade's entry, before fees) or a stop that moved,
 * told from the order it is about; null when the order or its trade is gone.
 */
export async function tradeEventMessage(
  kind: TradeEventKind,
  raw: unknown,
  deps: { db: DbClient },
): Promise<TradeEventMessage | null> {
  const parsed = payloads[kind].parse(raw);
  const { tradeId } = parsed;
  const order = await deps.db.order.findUnique({
    where: "orderId" in parsed ? { id: parsed.orderId } : { clientOrderId: parsed.clientOrderId },
  });
  const trade = await deps.db.trade.findUnique({
    where: { id: tradeId },
    include: { strategy: { select: { name: true } }, account: { select: { exchange: true, label: true } } },
  });
  if (!order || !trade || order.tradeId !== trade.id) return null;
  const quote = trade.symbol.split(":")[1] ?? trade.symbol.split("/")[1] ?? "USDT";
  const base = {
    strategy: trade.strategy.name,
    account: trade.account.label ?? trade.account.exchange,
    symbol: trade.symbol,
    side: trade.side,
    quote,
  };
  if (kind === "stop_moved") {
    const { from } = payloads.stop_moved.parse(raw);
    return { kind, ...base, price: order.triggerPrice?.toString() ?? "?", from };
  }
  if (kind === "entry_filled") {
    const { final } = payloads.entry_filled.parse(raw);
    const siblings = await deps.db.order.findMany({
      where: { tradeId, kind: order.kind, ...(order.kind === "entry" && { type: "limit" }) },
      select: { leg: true },
    });
    return {
      kind,
      ...base,
      dca: order.kind === "dca",
      order: order.kind === "dca" ? order.leg : order.leg + 1,
      orders: siblings.length,
      amount: dec(order.filledAmount ?? 0).toString(),
      price: (order.avgPrice ?? order.triggerPrice)?.toString() ?? "?",
      total: dec(trade.entryAmount).toString(),
      average: trade.entryPrice?.toString() ?? "?",
      final,
    };
  }
  // A ladder placed again for a grown amount is a new revision of the same targets (TARGET_LEG_SPAN).
  const legs = await deps.db.order.findMany({
    where: { tradeId, kind: "take_profit", status: { not: "rejected" } },
    select: { leg: true },
  });
  const targets = new Set(legs.map((l) => l.leg % TARGET_LEG_SPAN)).size;
  const amount = dec(order.filledAmount ?? 0).gt(0) ? dec(order.filledAmount ?? 0) : dec(order.requestedAmount);
  const price = order.avgPrice ?? order.triggerPrice;
  const entry = trade.entryPrice;
  const direction = trade.side === "short" ? -1 : 1;
  const pnl = price && entry ? dec(price).sub(dec(entry)).mul(amount).mul(direction).toFixed(2) : null;
  return {
    kind,
    ...base,
    target: (order.leg % TARGET_LEG_SPAN) + 1,
    targets,
    amount: amount.toString(),
    price: price?.toString() ?? "?",
    pnl,
  };
}
