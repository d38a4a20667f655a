import type { Position } from "../exchange/exchange.ts";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec, decOrNull } from "../platform/decimal.ts";
import { accountSnapshots } from "../portfolio/account-snapshots.ts";

export interface OpenTradeView {
  id: string;
  strategy: string;
  symbol: string;
  side: string;
  status: "opening" | "open" | "closing";
  amount: Decimal;
  entryPrice: Decimal | null;
  markPrice?: Decimal;
  unrealisedPnl?: Decimal;
  takeProfit: Decimal | null;
  stopLoss: Decimal | null;
  /** Why it has no TP/SL it should have, when so. */
  protectionError: string | null;
}

export interface AccountPositions {
  account: { id: string; exchange: string; label: string | null };
  trades: OpenTradeView[];
  /** Positions on the exchange that are not (or not wholly) Mimic's trades. */
  others: Position[];
  error?: { code: string; message: string };
}

/**
 * The follower's open trades with their TP/SL levels, priced live, and apart from them whatever else the
 * exchange holds on each account. One account that cannot be read still shows its trades, unpriced.
 */
export async function positionsOverview(
  input: { userId: string },
  deps: { db: DbClient; exchanges: ExchangeResolver },
): Promise<AccountPositions[]> {
  const snapshots = await accountSnapshots({ userId: input.userId, include: { positions: true } }, deps);
  const trades = await deps.db.trade.findMany({
    where: { accountId: { in: snapshots.map((s) => s.account.id) }, status: { in: ["opening", "open", "closing"] } },
    orderBy: { openedAt: "asc" },
    include: {
      strategy: { select: { name: true } },
      orders: { where: { kind: { in: ["take_profit", "stop_loss"] }, status: { in: ["open", "sending"] } } },
    },
  });
  return snapshots.map((snapshot): AccountPositions => {
    const positions = snapshot.positions ?? [];
    const views = trades
      .filter((t) => t.accountId === snapshot.account.id)
      .map((t): OpenTradeView => {
        const position = positions.find((p) => p.symbol === t.symbol && p.side === t.side);
        const amount = dec(t.openAmount);
        const entry = decOrNull(t.entryPrice);
        const mark = position?.markPrice;
        const direction = t.side === "short" ? -1 : 1;
        return {
          id: t.id,
          strategy: t.strategy.name,
          symbol: t.symbol,
          side: t.side,
          status: t.status as OpenTradeView["status"],
          amount,
          entryPrice: entry,
          markPrice: mark,
          unrealisedPnl: mark && entry ? mark.sub(entry).mul(amount).mul(direction) : undefined,
          // The nearest target still open; the newest stop (a moved one replaces the one before).
          takeProfit: decOrNull(legs(t.orders, "take_profit")[0]?.triggerPrice),
          stopLoss: decOrNull(legs(t.orders, "stop_loss").at(-1)?.triggerPrice),
          protectionError: t.protectionError,
        };
      });
    const others = positions.flatMap((p): Position[] => {
      const ours = views.find((v) => v.symbol === p.symbol && v.side === p.side);
      if (!ours) return [p];
      const extra = p.contracts.sub(ours.amount);
      return extra.gt(0) ? [{ ...p, contracts: extra, unrealizedPnl: undefined }] : [];
    });
    return { account: snapshot.account, trades: views, others, error: snapshot.error };
  });
}

function legs<O extends { kind: string; leg: number }>(orders: O[], kind: string): O[] {
  return orders.filter((o) => o.kind === kind).sort((a, b) => a.leg - b.leg);
}
