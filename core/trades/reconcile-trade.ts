import type { Logger } from "pino";
import type { CloseReason, Order, Trade } from "../../generated/prisma/client.ts";
import type { ExchangeClient, ExchangeFill, Position } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { cancelProtection } from "./cancel-protection.ts";
import { applyTradeFills, closeTradeRecord, fillKind, type NewTradeFill } from "./trade-store.ts";

// Fills are stamped by the exchange's clock, the trade by ours.
const CLOCK_SLACK_MS = 5_000;

type Deps = { db: DbClient; exchange: ExchangeClient; logger: Logger };

/** What closed (part of) a trade, from the order a fill belongs to. */
type ExitClass = CloseReason | null;

/**
 * Brings one trade in line with the exchange after its position shrank or vanished: asks which of its TP/SL
 * triggered, reads the account's fills in the symbol since the last sync (fees included), attributes each to the
 * trade's orders, a liquidation or the follower's own hand, and closes the trade when nothing of it is left,
 * cancelling the sibling that must not outlive it. `position` is the exchange's position in the trade's symbol
 * (null: none); undefined makes it read here.
 */
export async function reconcileTrade(
  input: { tradeId: string; position?: Position | null; fallbackReason?: CloseReason },
  deps: Deps,
): Promise<Trade> {
  const { db, exchange } = deps;
  let trade = await db.trade.findUniqueOrThrow({ where: { id: input.tradeId } });
  const position =
    input.position !== undefined
      ? input.position
      : ((await exchange.fetchPositions()).find((p) => p.symbol === trade.symbol) ?? null);
  const held = position && position.side === trade.side ? position.contracts : new Decimal(0);

  const orders = await db.order.findMany({ where: { tradeId: trade.id } });
  const triggered = await refreshProtection(trade, orders, deps);
  const since = new Date((trade.fillsSyncedAt ?? trade.openedAt).getTime() - CLOCK_SLACK_MS);
  const fills = await exchange.fetchFills(trade.symbol, since);
  const { rows, lastExit } = attribute(trade, orders, triggered, fills);
  // A closed trade's fills are all in once read after its close; an open one's up to the last fill seen.
  const syncedAt = trade.status === "closed" ? new Date() : fills.at(-1)?.at;
  trade = await applyTradeFills(db, trade.id, rows, { syncedAt });

  if (trade.status === "closed") {
    // A TP/SL still resting after its trade closed (a cancel that raced its placement) must not close a later
    // position: this one read after the close is where it is found.
    await cancelProtection(trade, deps);
    return trade;
  }
  if (held.gt(0) && dec(trade.openAmount).gt(0)) {
    if (lastExit) deps.logger.info({ tradeId: trade.id, reason: lastExit }, "trade reduced outside Mimic");
    return trade;
  }
  const reason = lastExit ?? trade.closeReason ?? input.fallbackReason ?? "manual";
  await cancelProtection(trade, deps);
  await closeTradeRecord(db, trade.id, reason);
  // Its fills, fees included, were read just now: nothing is left to sync.
  await db.trade.update({ where: { id: trade.id }, data: { fillsSyncedAt: new Date() } });
  deps.logger.info({ tradeId: trade.id, reason, unexplained: trade.openAmount.toString() }, "trade closed");
  return db.trade.findUniqueOrThrow({ where: { id: trade.id } });
}

/** Looks up the trade's TP/SL still believed open; returns exchange order id → the leg that filled. */
async function refreshProtection(trade: Trade, orders: Order[], deps: Deps): Promise<Map<string, CloseReason>> {
  const byFillOrder = new Map<string, CloseReason>();
  for (const o of orders) {
    if (o.kind !== "take_profit" && o.kind !== "stop_loss") continue;
    if (o.status !== "open" && o.status !== "sending" && o.status !== "filled") continue;
    const found = o.status === "filled" ? null : await deps.exchange.findOrder(trade.symbol, o.clientOrderId);
    if (found && found.status !== o.status) {
      await deps.db.order.update({
        where: { id: o.id },
        data: {
          status: found.status,
          exchangeOrderId: found.exchangeOrderId || o.exchangeOrderId,
          filledAmount: found.filledAmount.toString(),
          avgPrice: found.avgPrice?.toString() ?? null,
        },
      });
    }
    const ids = [found?.triggeredOrderId, found?.exchangeOrderId, o.exchangeOrderId].filter((id): id is string => !!id);
    for (const id of ids) byFillOrder.set(id, o.kind);
  }
  return byFillOrder;
}

function attribute(
  trade: Trade,
  orders: Order[],
  triggered: Map<string, CloseReason>,
  fills: ExchangeFill[],
): { rows: NewTradeFill[]; lastExit: ExitClass } {
  const ours = new Map<string, Order>();
  for (const o of orders) if (o.exchangeOrderId) ours.set(o.exchangeOrderId, o);
  const opened = trade.openedAt.getTime() - CLOCK_SLACK_MS;
  const rows: NewTradeFill[] = [];
  let lastExit: ExitClass = null;
  // Exits Mimic did not place are the trade's only up to what it held: the follower may close more by hand.
  let unexplainedRoom = dec(trade.entryAmount).sub(dec(trade.exitAmount));
  for (const f of fills) {
    if (f.at.getTime() < opened) continue;
    const kind = fillKind(trade.side, f.side);
    const order = ours.get(f.orderId);
    const leg = triggered.get(f.orderId);
    let cls: ExitClass = null;
    if (leg) cls = leg;
    else if (order) cls = order.kind === "entry" ? null : (trade.closeReason ?? "signal");
    else if (kind === "exit") cls = f.liquidation ? "liquidation" : "manual";
    else continue; // the follower's own addition to the position is not the strategy's trade
    let amount = f.amount;
    if (!order && !leg) {
      amount = Decimal.min(amount, unexplainedRoom);
      if (amount.lte(0)) continue;
      unexplainedRoom = unexplainedRoom.sub(amount);
    }
    rows.push({
      key: `fill:${f.id}`,
      exchangeOrderId: f.orderId,
      kind: order?.kind === "entry" ? "entry" : kind,
      side: f.side,
      amount,
      price: f.price,
      fee: f.fee ?? null,
      feeCurrency: f.feeCurrency ?? null,
      at: f.at,
    });
    if (kind === "exit" && cls) lastExit = cls;
  }
  return { rows, lastExit };
}
