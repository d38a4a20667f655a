import type { Logger } from "pino";
import type { CloseReason, Order, Trade } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, ExchangeFill, Position } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { cancelProtection } from "./cancel-protection.ts";
import { followTargets } from "./follow-targets.ts";
import { moveStop } from "./move-stop.ts";
import { settleZoneExecution } from "./settle-zone-execution.ts";
import { applyTradeFills, closeTradeRecord, fillKind, type NewTradeFill } from "./trade-store.ts";

// Fills are stamped by the exchange's clock, the trade by ours.
const CLOCK_SLACK_MS = 5_000;

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/** What closed (part of) a trade, from the order a fill belongs to. */
type ExitClass = CloseReason | null;

/**
 * Brings one trade in line with the exchange after its position shrank or vanished: asks which of its TP/SL
 * triggered, reads the account's fills in the symbol since the last sync (fees included), attributes each to the
 * trade's orders, a liquidation or the follower's own hand, and closes the trade when nothing of it is left,
 * cancelling the legs that must not outlive it. A trade still open follows its filled targets (`followTargets`:
 * the stop resized and moved) and gets back a stop the exchange lost. `position` is the exchange's position in the
 * trade's symbol (null: none); undefined makes it read here.
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
  const { triggered, lostStop } = await refreshProtection(trade, orders, deps);
  const since = new Date((trade.fillsSyncedAt ?? trade.openedAt).getTime() - CLOCK_SLACK_MS);
  const fills = await exchange.fetchFills(trade.symbol, since);
  const { rows, lastExit, legFills } = attribute(trade, orders, triggered, fills);
  // A closed trade's fills are all in once read after its close; an open one's up to the last fill seen.
  const syncedAt = trade.status === "closed" ? new Date() : fills.at(-1)?.at;
  trade = await applyTradeFills(db, trade.id, rows, { syncedAt });
  await recordLegFills(db, legFills);
  // Only a filled target has anything to follow (its notification, the stop after it).
  const targetFilled = orders.some((o) => o.kind === "take_profit" && o.status === "filled");

  if (trade.status === "closed") {
    // A TP/SL still resting after its trade closed (a cancel that raced its placement) must not close a later
    // position: this one read after the close is where it is found.
    await cancelProtection(trade, deps);
    if (targetFilled) await followTargets(trade, deps);
    return trade;
  }
  if (held.gt(0) && dec(trade.openAmount).gt(0)) {
    if (lastExit) deps.logger.info({ tradeId: trade.id, reason: lastExit }, "trade reduced");
    if (targetFilled) await followTargets(trade, deps);
    if (lostStop) await replaceLostStop(trade.id, lostStop, deps);
    return db.trade.findUniqueOrThrow({ where: { id: trade.id } });
  }
  const reason = lastExit ?? trade.closeReason ?? input.fallbackReason ?? "manual";
  await cancelProtection(trade, deps);
  await closeTradeRecord(db, trade.id, reason, undefined, deps.ledger.events);
  await settleZoneExecution({ tradeId: trade.id, note: "the trade closed while its entry zone rested" }, deps);
  // Its fills, fees included, were read just now: nothing is left to sync.
  await db.trade.update({ where: { id: trade.id }, data: { fillsSyncedAt: new Date() } });
  deps.logger.info({ tradeId: trade.id, reason, unexplained: trade.openAmount.toString() }, "trade closed");
  trade = await db.trade.findUniqueOrThrow({ where: { id: trade.id } });
  // Targets that filled before the rest closed are told too.
  if (targetFilled) await followTargets(trade, deps);
  return trade;
}

/**
 * Looks up the trade's TP/SL still believed open; returns exchange order id → the leg it is (the order a
 * conditional one became included), and the stop the exchange no longer holds although nobody filled it (the
 * venue lost it, or the follower cancelled it by hand), which is placed again.
 */
async function refreshProtection(
  trade: Trade,
  orders: Order[],
  deps: Deps,
): Promise<{ triggered: Map<string, Order>; lostStop: Order | null }> {
  const byFillOrder = new Map<string, Order>();
  let lostStop: Order | null = null;
  const legs = orders.filter(
    (o) =>
      (o.kind === "take_profit" || o.kind === "stop_loss") &&
      (o.status === "open" || o.status === "sending" || o.status === "filled"),
  );
  // A ladder is several orders: asked at once, not one after another.
  const answers = await Promise.all(
    legs.map((o) => (o.status === "filled" ? null : deps.exchange.findOrder(trade.symbol, o.clientOrderId))),
  );
  const goneIds: string[] = [];
  for (const [i, o] of legs.entries()) {
    const found = answers[i] ?? null;
    // An order we placed that the exchange no longer has is gone: nothing to cancel later. A stop that went so is
    // placed again below (one cancelled without a fill: the same).
    const gone = o.status === "open" && !found;
    const lost = o.kind === "stop_loss" && o.status === "open" && (!found || found.status === "canceled");
    if (lost && (!lostStop || o.leg > lostStop.leg)) lostStop = o;
    if (found && found.status !== o.status) {
      o.status = found.status;
      await deps.db.order.update({
        where: { id: o.id },
        data: {
          status: found.status,
          exchangeOrderId: found.exchangeOrderId || o.exchangeOrderId,
          filledAmount: found.filledAmount.toString(),
          avgPrice: found.avgPrice?.toString() ?? null,
        },
      });
    } else if (gone) {
      o.status = "canceled";
      goneIds.push(o.id);
    }
    const ids = [found?.triggeredOrderId, found?.exchangeOrderId, o.exchangeOrderId].filter((id): id is string => !!id);
    for (const id of ids) byFillOrder.set(id, o);
  }
  if (goneIds.length) {
    await deps.db.order.updateMany({
      where: { id: { in: goneIds } },
      data: { status: "canceled", error: "gone from the exchange" },
    });
  }
  return { triggered: byFillOrder, lostStop };
}

/** A stop that vanished without filling is placed again where Mimic's record says it was, unless one stands. */
async function replaceLostStop(tradeId: string, lost: Order, deps: Deps): Promise<void> {
  const trade = await deps.db.trade.findUniqueOrThrow({ where: { id: tradeId } });
  const orders = await deps.db.order.findMany({ where: { tradeId, kind: { in: ["entry", "stop_loss"] } } });
  const standing = orders.some((o) => o.kind === "stop_loss" && (o.status === "open" || o.status === "sending"));
  if (trade.status !== "open" || standing) return;
  const level = trade.stopPrice ?? lost.triggerPrice;
  if (!level) return;
  deps.logger.warn({ tradeId, clientOrderId: lost.clientOrderId }, "stop gone from the exchange: placing it again");
  await moveStop(trade, orders, { level: dec(level), amount: dec(trade.openAmount), replace: true }, deps);
}

/** The fills reconciliation attributed to each TP/SL, as that order's filled amount and average price. */
async function recordLegFills(db: DbClient, legFills: Map<string, { amount: Decimal; value: Decimal }>) {
  for (const [orderId, f] of legFills) {
    if (!f.amount.gt(0)) continue;
    await db.order.update({
      where: { id: orderId },
      data: { filledAmount: f.amount.toString(), avgPrice: f.value.div(f.amount).toString() },
    });
  }
}

/** The trade's own orders that add to its position: its entries (a zone's too) and DCA orders. */
const adds = (o: Order) => o.kind === "entry" || o.kind === "dca";

function attribute(
  trade: Trade,
  orders: Order[],
  triggered: Map<string, Order>,
  fills: ExchangeFill[],
): { rows: NewTradeFill[]; lastExit: ExitClass; legFills: Map<string, { amount: Decimal; value: Decimal }> } {
  const ours = new Map<string, Order>();
  for (const o of orders) if (o.exchangeOrderId) ours.set(o.exchangeOrderId, o);
  const opened = trade.openedAt.getTime() - CLOCK_SLACK_MS;
  const rows: NewTradeFill[] = [];
  const legFills = new Map<string, { amount: Decimal; value: Decimal }>();
  let lastExit: ExitClass = null;
  // Exits Mimic did not place are the trade's only up to what it held: the follower may close more by hand.
  let unexplainedRoom = dec(trade.entryAmount).sub(dec(trade.exitAmount));
  for (const f of fills) {
    if (f.at.getTime() < opened) continue;
    const kind = fillKind(trade.side, f.side);
    const order = ours.get(f.orderId);
    const leg = triggered.get(f.orderId);
    let cls: ExitClass = null;
    if (leg) cls = leg.kind === "take_profit" ? "take_profit" : "stop_loss";
    else if (order) cls = adds(order) ? null : (trade.closeReason ?? "signal");
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
      kind: order && adds(order) ? "entry" : kind,
      side: f.side,
      amount,
      price: f.price,
      fee: f.fee ?? null,
      feeCurrency: f.feeCurrency ?? null,
      at: f.at,
    });
    if (kind === "exit" && cls) lastExit = cls;
    if (leg) {
      const sum = legFills.get(leg.id) ?? { amount: new Decimal(0), value: new Decimal(0) };
      legFills.set(leg.id, { amount: sum.amount.add(amount), value: sum.value.add(amount.mul(f.price)) });
    }
  }
  return { rows, lastExit, legFills };
}
