import type { Position } from "../exchange/exchange.ts";
import { Decimal, dec } from "../platform/decimal.ts";

/**
 * What Mimic's open trades on an account are worth now, from the positions the reconciliation turn already read
 * (no request of its own): each trade's share of its position's unrealised PnL (the follower may hold more of the
 * symbol by hand), else (mark − entry) × amount where the venue gives a mark but no PnL. Null when nothing was
 * read this turn; zero when no trade is open.
 */
export function tradesUnrealisedPnl(
  trades: readonly { symbol: string; side: string; status: string; openAmount: string }[],
  positions: readonly Position[] | null,
): Decimal | null {
  if (!positions) return null;
  let sum = dec(0);
  for (const t of trades) {
    const amount = dec(t.openAmount);
    if (t.status !== "open" || !amount.gt(0)) continue;
    const p = positions.find((x) => x.symbol === t.symbol && x.side === t.side);
    if (!p?.contracts.gt(0)) continue;
    const share = amount.gte(p.contracts) ? dec(1) : amount.div(p.contracts);
    if (p.unrealizedPnl) {
      sum = sum.add(p.unrealizedPnl.mul(share));
    } else if (p.markPrice) {
      const direction = t.side === "short" ? -1 : 1;
      sum = sum.add(p.markPrice.sub(p.entryPrice).mul(Decimal.min(amount, p.contracts)).mul(direction));
    }
  }
  return sum;
}
