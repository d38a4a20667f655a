import type { Logger } from "pino";
import type { Order, Trade } from "../../generated/prisma/client.ts";
import type { ExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient, PositionSide } from "../exchange/exchange.ts";
import { queueTradeEvent } from "../notifications/queue-trade-event.ts";
import { MAX_LEG_NUMBER, siblingOrderId } from "../orders/client-order-id.ts";
import { placeOrder } from "../orders/place-order.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec, decOrNull } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { recordOrderFill } from "./record-order-fill.ts";
import { settleOrder } from "./settle-order.ts";
import { tighterOf } from "./stop-rules.ts";
import { closeTradeRecord } from "./trade-store.ts";

type Deps = { db: DbClient; ledger: ExecutionLedger; exchange: ExchangeClient; logger: Logger };

/** The stop a trade holds now: its level (what Mimic keeps), the amount its order covers, its revision. */
export interface CurrentStop {
  level: Decimal;
  amount: Decimal;
  revision: number;
}

/**
 * The trade's stop as Mimic records it: the level kept on the trade (a moved stop's), else the first stop order's
 * trigger; the amount of the newest stop order that stands. Null: the trade has no stop.
 */
export function currentStop(trade: Trade, orders: readonly Order[]): CurrentStop | null {
  const stops = orders
    .filter((o) => o.kind === "stop_loss" && o.status !== "rejected" && o.status !== "canceled")
    .sort((a, b) => b.leg - a.leg);
  const newest = stops[0];
  const level = decOrNull(trade.stopPrice) ?? decOrNull(newest?.triggerPrice);
  if (!level) return null;
  return { level, amount: dec(newest?.requestedAmount ?? trade.openAmount), revision: newest?.leg ?? 0 };
}

export interface StopMove {
  /** Where the stop should be; a level looser than the current one keeps the current one. */
  level: Decimal;
  /** What it should cover: the trade's open amount. */
  amount: Decimal;
  /** The mark a percent trailing stop moved from, kept on the trade. */
  bestPrice?: Decimal;
  /** Place it again even where it already is (the exchange lost it). */
  replace?: boolean;
  /**
   * Take the level as given even when looser: the trade's average entry moved against it (a DCA order or a zone
   * entry filled) and its plan's stop is measured from there. A trailing stop never passes this.
   */
  loosen?: boolean;
}

export type StopOutcome = "moved" | "unchanged" | "closed";

/**
 * Moves the trade's stop (tighter, resized, or re-placed): takes the next revision on the trade row first, with a
 * compare-and-set on `stopRevision`, so that two turns never make two moves of one, then places that revision and
 * cancels the ones before it (`placeStopRevision`). The stop never moves looser than the last one placed.
 */
export async function moveStop(
  trade: Trade,
  orders: readonly Order[],
  move: StopMove,
  deps: Deps,
): Promise<StopOutcome> {
  const side = trade.side as PositionSide;
  // A stop still on its way (the entry's protection step, or a move being finished) settles first: moving now
  // could cancel it before it lands, and it would then rest beside the new one.
  if (orders.some((o) => o.kind === "stop_loss" && o.status === "sending")) return "unchanged";
  const current = currentStop(trade, orders);
  const level = move.loosen ? move.level : (tighterOf(side, move.level, current?.level ?? null) as Decimal);
  const same = current && level.eq(current.level) && move.amount.eq(current.amount);
  if ((same && !move.replace) || !move.amount.gt(0)) return "unchanged";
  const revision = trade.stopRevision + 1;
  if (revision > MAX_LEG_NUMBER) {
    deps.logger.warn({ tradeId: trade.id }, "stop moved as often as its client order ids allow; it stays");
    return "unchanged";
  }
  const { count } = await deps.db.trade.updateMany({
    where: { id: trade.id, status: "open", stopRevision: trade.stopRevision },
    data: {
      stopRevision: revision,
      stopPrice: level.toString(),
      ...(move.bestPrice && { bestPrice: move.bestPrice.toString() }),
    },
  });
  if (count === 0) return "unchanged";
  const moved = { ...trade, stopRevision: revision, stopPrice: level as unknown as Trade["stopPrice"] };
  return finishStop(moved, orders, deps);
}

/**
 * Places the stop revision the trade row names, then cancels the older ones: the new stop goes in first, so the
 * position is never without one. Every step is keyed (the revision's client order id "-sl<n>", placeOrder's
 * "sending" row), so running it again after a crash anywhere finishes the move without a second order; this is
 * what reconciliation runs for a trade whose move is unfinished. A stop the price has already passed closes the
 * trade at market, as it would have.
 */
export async function placeStopRevision(tradeId: string, deps: Deps): Promise<StopOutcome> {
  const trade = await deps.db.trade.findUniqueOrThrow({ where: { id: tradeId } });
  const orders = await deps.db.order.findMany({ where: { tradeId, kind: { in: ["entry", "stop_loss"] } } });
  return finishStop(trade, orders, deps);
}

/** placeStopRevision with the trade and its entry and stop orders already read (they may hold other kinds too). */
async function finishStop(trade: Trade, orders: readonly Order[], deps: Deps): Promise<StopOutcome> {
  const { db, exchange } = deps;
  const tradeId = trade.id;
  const revision = trade.stopRevision;
  const level = decOrNull(trade.stopPrice);
  if (trade.status !== "open" || revision === 0 || !level) return "unchanged";
  const entry = orders.find((o) => o.kind === "entry");
  if (!entry) return "unchanged";
  const stops = orders.filter((o) => o.kind === "stop_loss").sort((a, b) => b.leg - a.leg);
  const existing = stops.find((o) => o.leg === revision) ?? null;
  const previous = stops.find((o) => o.leg < revision && o.status !== "rejected") ?? null;
  const clientOrderId = siblingOrderId(entry.clientOrderId, "stop_loss", revision);
  if (!existing || existing.status === "sending") {
    try {
      await placeOrder(
        {
          executionId: entry.executionId,
          tradeId,
          kind: "stop_loss",
          leg: revision,
          existing,
          request: {
            symbol: trade.symbol,
            side: trade.side === "long" ? "sell" : "buy",
            type: "stop_loss",
            amount: dec(trade.openAmount),
            triggerPrice: level,
            reduceOnly: true,
            // No reference: paper would take it for the price, and the stop as already reached.
            clientOrderId,
          },
        },
        deps,
      );
    } catch (err) {
      if (isAppError(err, "WOULD_TRIGGER")) return exitAtStop(trade, entry, deps);
      if (!isAppError(err) || err.retryable) throw err;
      // Refused for good: the older stop keeps protecting the position; the follower is told by /positions.
      const warning = `stop-loss not moved to ${level.toFixed()}: ${err.message}`;
      await db.trade.update({ where: { id: tradeId }, data: { protectionError: warning } });
      deps.logger.warn({ tradeId, warning }, "stop not moved");
      return "unchanged";
    }
  } else if (existing.status !== "open") {
    return "unchanged";
  }
  for (const o of stops.filter((s) => s.leg < revision && (s.status === "open" || s.status === "sending"))) {
    await exchange.cancelOrder(trade.symbol, o.clientOrderId);
    // A "sending" one is long past its in-flight window by now: if it ever landed, this cancel took it.
    await db.order.update({ where: { id: o.id }, data: { status: "canceled" } });
  }
  const from = decOrNull(previous?.triggerPrice);
  if (!from?.eq(level)) {
    await queueTradeEvent(db, { kind: "stop_moved", tradeId, clientOrderId, revision, from: from?.toFixed() ?? null });
  }
  deps.logger.info({ tradeId, revision, level: level.toFixed() }, "stop moved");
  return "moved";
}

/** The moved stop's level is already passed: close what is open at market, as the stop would have. */
async function exitAtStop(trade: Trade, entry: Order, deps: Deps): Promise<StopOutcome> {
  const { db, exchange } = deps;
  const revision = trade.stopRevision;
  const resting = await db.order.findMany({
    where: { tradeId: trade.id, kind: { in: ["take_profit", "stop_loss"] }, status: { in: ["open", "sending"] } },
  });
  for (const o of resting) {
    await exchange.cancelOrder(trade.symbol, o.clientOrderId);
    await db.order.update({ where: { id: o.id }, data: { status: "canceled" } });
  }
  const existing = await db.order.findFirst({ where: { tradeId: trade.id, kind: "exit", leg: revision } });
  const placed = await placeOrder(
    {
      executionId: entry.executionId,
      tradeId: trade.id,
      kind: "exit",
      leg: revision,
      existing,
      request: {
        symbol: trade.symbol,
        side: trade.side === "long" ? "sell" : "buy",
        type: "market",
        amount: dec(trade.openAmount),
        reduceOnly: true,
        clientOrderId: siblingOrderId(entry.clientOrderId, "exit", revision),
        referencePrice: decOrNull(trade.stopPrice) ?? undefined,
      },
    },
    deps,
  );
  const now = new Date();
  const exit = await settleOrder(placed, { sentAt: existing?.createdAt ?? now, lastAttempt: true, now }, deps);
  await recordOrderFill(db, { tradeId: trade.id, tradeSide: trade.side, result: exit });
  await closeTradeRecord(db, trade.id, "stop_loss");
  deps.logger.info({ tradeId: trade.id, revision }, "moved stop already passed: closed at market");
  return "closed";
}
