import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec, decOrNull } from "../platform/decimal.ts";
import { accountSnapshots } from "./account-snapshots.ts";
import { fillPnl, type RealisedEvent, sumPnl } from "./realised-pnl.ts";

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

/**
 * Equity and unrealised PnL read live from each account; realised PnL from every fill of the user's trades, the
 * ones the exchange made on its own (TP/SL triggers, liquidations, the follower by hand) included, net of fees.
 */
export async function pnlSummary(
  input: { userId: string },
  deps: { db: DbClient; exchanges: ExchangeResolver; now: Date },
): Promise<PnlSummary> {
  const now = deps.now.getTime();
  const widest = Math.max(...PNL_WINDOWS.map((w) => w.ms));
  const fills = await deps.db.tradeFill.findMany({
    where: { at: { gte: new Date(now - widest) }, trade: { account: { userId: input.userId } } },
    select: {
      kind: true,
      amount: true,
      price: true,
      fee: true,
      at: true,
      trade: { select: { side: true, entryPrice: true, strategyId: true } },
    },
  });
  const events: RealisedEvent[] = fills.map((f) => ({
    at: f.at,
    strategyId: f.trade.strategyId,
    pnl: fillPnl(f.kind, f.trade.side, dec(f.amount), dec(f.price), decOrNull(f.trade.entryPrice), decOrNull(f.fee)),
  }));
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
