import type { CloseReason, Prisma, Trade } from "../../generated/prisma/client.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec } from "../platform/decimal.ts";
import { type LiveEventPublisher, publishSafely } from "../platform/live-events.ts";
import { tradeFigures } from "./trade-math.ts";

export interface NewTradeFill {
  /** The exchange's trade id ("fill:<id>"), or "order:<exchangeOrderId>" for an order's result. */
  key: string;
  exchangeOrderId: string | null;
  kind: "entry" | "exit";
  side: string;
  amount: Decimal;
  price: Decimal;
  fee?: Decimal | null;
  feeCurrency?: string | null;
  at: Date;
}

/**
 * Adds fills to a trade and recomputes its figures from all of them. An order's result ("order:<id>") stands in
 * for that order's fills until the exchange's own list arrives; then it is replaced, so nothing counts twice.
 */
export async function applyTradeFills(
  db: DbClient,
  tradeId: string,
  fills: readonly NewTradeFill[],
  opts: { syncedAt?: Date } = {},
): Promise<Trade> {
  return db.$transaction(async (tx) => {
    const exchangeKeys = fills.filter((f) => !f.key.startsWith("order:"));
    const covered = [...new Set(exchangeKeys.map((f) => f.exchangeOrderId).filter((id): id is string => !!id))];
    if (covered.length) {
      await tx.tradeFill.deleteMany({ where: { tradeId, key: { in: covered.map((id) => `order:${id}`) } } });
    }
    const rows = await tx.tradeFill.findMany({ where: { tradeId }, select: { key: true, exchangeOrderId: true } });
    const known = new Set(rows.map((f) => f.key));
    // Orders whose own fills are in: their result is not added again.
    const filledOrders = new Set(rows.filter((f) => f.key.startsWith("fill:")).map((f) => f.exchangeOrderId));
    for (const f of exchangeKeys) filledOrders.add(f.exchangeOrderId);
    const fresh = fills.filter(
      (f) => !known.has(f.key) && !(f.key.startsWith("order:") && filledOrders.has(f.exchangeOrderId)),
    );
    if (fresh.length) {
      await tx.tradeFill.createMany({
        data: fresh.map((f) => ({
          tradeId,
          key: f.key,
          exchangeOrderId: f.exchangeOrderId,
          kind: f.kind,
          side: f.side,
          amount: f.amount.toString(),
          price: f.price.toString(),
          fee: f.fee?.toString() ?? null,
          feeCurrency: f.feeCurrency ?? null,
          at: f.at,
        })),
        skipDuplicates: true,
      });
    }
    return recompute(tx, tradeId, opts.syncedAt);
  });
}

async function recompute(tx: Prisma.TransactionClient, tradeId: string, syncedAt?: Date): Promise<Trade> {
  const trade = await tx.trade.findUniqueOrThrow({ where: { id: tradeId } });
  const fills = await tx.tradeFill.findMany({ where: { tradeId } });
  // The entry is recorded on its order only (the copying hot path writes no fill row): it stands in for its fills
  // until the exchange's own are read.
  // Limit entries (a zone's, DCA orders) fill over time: an order that has filled more than its fills read so far
  // stands in whole, and its fills count for their fees only, until the exchange's list catches up.
  const entries = await tx.order.findMany({
    where: { tradeId, kind: { in: ["entry", "dca"] }, filledAmount: { gt: 0 }, avgPrice: { not: null } },
  });
  const read = new Map<string, Decimal>();
  for (const f of fills) {
    if (f.exchangeOrderId) read.set(f.exchangeOrderId, (read.get(f.exchangeOrderId) ?? dec(0)).add(dec(f.amount)));
  }
  const standing = entries.filter((o) => {
    const seen = read.get(o.exchangeOrderId ?? o.clientOrderId);
    return !seen || dec(o.filledAmount ?? 0).gt(seen);
  });
  const stoodFor = new Set(standing.map((o) => o.exchangeOrderId ?? o.clientOrderId));
  const stand = standing.map((o) => ({
    kind: "entry",
    amount: dec(o.filledAmount ?? 0),
    price: dec(o.avgPrice ?? 0),
    fee: null,
  }));
  const figures = tradeFigures(trade.side, [
    ...stand,
    ...fills.map((f) => {
      const fee = f.fee ? dec(f.fee) : null;
      if (f.exchangeOrderId && stoodFor.has(f.exchangeOrderId))
        return { kind: f.kind, amount: dec(0), price: dec(0), fee };
      return { kind: f.kind, amount: dec(f.amount), price: dec(f.price), fee };
    }),
  ]);
  return tx.trade.update({
    where: { id: tradeId },
    data: {
      entryAmount: figures.entryAmount.toString(),
      entryPrice: figures.entryPrice?.toString() ?? null,
      exitAmount: figures.exitAmount.toString(),
      exitPrice: figures.exitPrice?.toString() ?? null,
      openAmount: figures.openAmount.toString(),
      realisedPnl: figures.realisedPnl.toString(),
      fees: figures.fees.toString(),
      ...(syncedAt && { fillsSyncedAt: syncedAt }),
    },
  });
}

/** open → closing, remembering why; false when the trade is no longer open (something else closed it). */
export async function markClosing(db: DbClient, tradeId: string, reason: CloseReason): Promise<boolean> {
  const { count } = await db.trade.updateMany({
    where: { id: tradeId, status: { in: ["opening", "open"] } },
    data: { status: "closing", closeReason: reason },
  });
  return count === 1;
}

/** The trade is over: it frees its symbol on the account for the next one. */
export async function closeTradeRecord(
  db: DbClient,
  tradeId: string,
  reason: CloseReason,
  at: Date = new Date(),
  events?: LiveEventPublisher,
): Promise<void> {
  const { count } = await db.trade.updateMany({
    where: { id: tradeId, status: { not: "closed" } },
    data: { status: "closed", closeReason: reason, liveKey: null, closedAt: at },
  });
  if (count && events) publishSafely(events, { type: "trade", tradeId, state: "closed" });
}

/** The exchange's fill as a trade fill: its side tells whether it adds to the trade or reduces it. */
export function fillKind(tradeSide: string, fillSide: string): "entry" | "exit" {
  return (tradeSide === "long") === (fillSide === "buy") ? "entry" : "exit";
}
