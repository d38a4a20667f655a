import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { accountSnapshots } from "./account-snapshots.ts";
import { type Fill, realisedPnl, sumPnl } from "./realised-pnl.ts";

export const PNL_WINDOWS = [
  { key: "24h", ms: 86_400_000 },
  { key: "7d", ms: 7 * 86_400_000 },
  { key: "30d", ms: 30 * 86_400_000 },
] as const;
export type PnlWindow = (typeof PNL_WINDOWS)[number]["key"];

export interface PnlSummary {
  quote: string;
  equity: Decimal;
  unrealised: Decimal;
  realised: Record<PnlWindow, Decimal>;
  /** Realised over 30 days per strategy, largest first. */
  byStrategy: { name: string; realised: Decimal }[];
  /** Accounts that could not be read live (their equity is missing from the total). */
  unreadable: number;
  at: Date;
}

// Replaying from further back than the widest window gives the entries that fills inside it close against.
const REPLAY_MS = 180 * 86_400_000;

/**
 * Equity and unrealised PnL read live from each account; realised PnL replayed from the fills Mimic recorded.
 * Fills the exchange made on its own (a TP/SL trigger) are not in Mimic's ledger until reconciled.
 */
export async function pnlSummary(
  input: { userId: string },
  deps: { db: DbClient; exchanges: ExchangeResolver; now: Date },
): Promise<PnlSummary> {
  const now = deps.now.getTime();
  const orders = await deps.db.order.findMany({
    where: {
      status: "filled",
      avgPrice: { not: null },
      filledAmount: { gt: 0 },
      updatedAt: { gte: new Date(now - REPLAY_MS) },
      execution: { account: { userId: input.userId } },
    },
    select: {
      symbol: true,
      side: true,
      filledAmount: true,
      avgPrice: true,
      updatedAt: true,
      execution: { select: { accountId: true, signal: { select: { strategyId: true } } } },
    },
  });
  const fills: Fill[] = orders.map((o) => ({
    at: o.updatedAt,
    accountId: o.execution.accountId,
    symbol: o.symbol,
    side: o.side === "sell" ? "sell" : "buy",
    amount: dec(o.filledAmount ?? 0),
    price: dec(o.avgPrice ?? 0),
    strategyId: o.execution.signal.strategyId,
  }));
  const events = realisedPnl(fills);
  const realised = Object.fromEntries(
    PNL_WINDOWS.map((w) => [w.key, sumPnl(events.filter((e) => e.at.getTime() >= now - w.ms))]),
  ) as Record<PnlWindow, Decimal>;

  const last30 = events.filter((e) => e.at.getTime() >= now - 30 * 86_400_000);
  const perStrategy = new Map<string, Decimal>();
  for (const e of last30) perStrategy.set(e.strategyId, (perStrategy.get(e.strategyId) ?? dec(0)).add(e.pnl));
  const names = await deps.db.strategy.findMany({
    where: { id: { in: [...perStrategy.keys()] } },
    select: { id: true, name: true },
  });
  const byStrategy = names
    .map((s) => ({ name: s.name, realised: perStrategy.get(s.id) ?? dec(0) }))
    .sort((a, b) => b.realised.cmp(a.realised));

  const snapshots = await accountSnapshots({ userId: input.userId, include: { balance: true, positions: true } }, deps);
  let equity = new Decimal(0);
  let unrealised = new Decimal(0);
  let quote = "USDT";
  for (const s of snapshots) {
    const upnl = (s.positions ?? []).reduce((sum, p) => sum.add(p.unrealizedPnl ?? 0), new Decimal(0));
    if (s.balance) {
      quote = s.balance.quote;
      equity = equity.add(s.balance.total).add(upnl);
    }
    unrealised = unrealised.add(upnl);
  }
  return {
    quote,
    equity,
    unrealised,
    realised,
    byStrategy,
    unreadable: snapshots.filter((s) => s.error).length,
    at: deps.now,
  };
}
