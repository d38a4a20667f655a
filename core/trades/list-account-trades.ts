import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

const str = (v: { toString(): string } | null) => (v === null ? null : v.toString());

/**
 * An account's trades, newest first, each with its orders: what operators read. "open" is every trade that is
 * not over (opening, open, closing), "closed" the rest.
 */
export async function listAccountTrades(
  input: { accountId: string; status?: "open" | "closed"; limit?: number },
  deps: { db: DbClient },
) {
  const account = await deps.db.exchangeAccount.findUnique({ where: { id: input.accountId }, select: { id: true } });
  if (!account) throw new AppError("NOT_FOUND", `account ${input.accountId} does not exist`);
  const trades = await deps.db.trade.findMany({
    where: {
      accountId: input.accountId,
      ...(input.status === "open" && { status: { in: ["opening", "open", "closing"] } }),
      ...(input.status === "closed" && { status: "closed" }),
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: input.limit ?? 100,
    include: { strategy: { select: { slug: true } }, orders: { orderBy: { createdAt: "asc" } } },
  });
  return trades.map((t) => ({
    id: t.id,
    strategy: t.strategy.slug,
    symbol: t.symbol,
    side: t.side,
    status: t.status,
    amount: t.entryAmount.toString(),
    openAmount: t.openAmount.toString(),
    entryPrice: str(t.entryPrice),
    exitPrice: str(t.exitPrice),
    realisedPnl: t.realisedPnl.toString(),
    fees: t.fees.toString(),
    closeReason: t.closeReason,
    protectionError: t.protectionError,
    // The stop Mimic keeps (null: the first stop's trigger, on its order), how it moves, targets filled so far.
    stopPrice: str(t.stopPrice),
    trailing: t.trailing,
    targetsHit: t.targetsHit,
    openedAt: t.openedAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
    orders: t.orders.map((o) => ({
      kind: o.kind,
      leg: o.leg,
      status: o.status,
      side: o.side,
      clientOrderId: o.clientOrderId,
      requestedAmount: o.requestedAmount.toString(),
      // One column holds either: a TP/SL's trigger, or a capped (IOC limit) entry's limit price.
      triggerPrice: o.type === "limit" ? null : str(o.triggerPrice),
      limitPrice: o.type === "limit" ? str(o.triggerPrice) : null,
      filledAmount: str(o.filledAmount),
      avgPrice: str(o.avgPrice),
    })),
  }));
}
