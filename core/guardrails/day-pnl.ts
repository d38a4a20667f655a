import type { Position } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, type DecimalLike, dec, decOrNull } from "../platform/decimal.ts";
import { fillPnl } from "../portfolio/realised-pnl.ts";

/**
 * What the account's Mimic trades realised since `since`, net of fees: every fill at or after it, as /pnl counts
 * them (an exit realises against the trade's average entry; every fill's fee is a cost). A fill, not a trade's
 * close, is the unit, so a partial exit, a TP hit or a fee paid today counts today whenever the trade opened.
 */
export async function realisedSince(db: DbClient, accountId: string, since: Date): Promise<Decimal> {
  const fills = await db.tradeFill.findMany({
    where: { at: { gte: since }, trade: { accountId } },
    select: { kind: true, amount: true, price: true, fee: true, trade: { select: { side: true, entryPrice: true } } },
  });
  return fills.reduce(
    (sum, f) =>
      sum.add(
        fillPnl(f.kind, f.trade.side, dec(f.amount), dec(f.price), decOrNull(f.trade.entryPrice), decOrNull(f.fee)),
      ),
    new Decimal(0),
  );
}

/**
 * Unrealised PnL of the account's open Mimic trades, from the positions reconciliation has just read: each trade's
 * share of the position in its symbol and side (the follower may hold more there by hand; that part is not
 * Mimic's). A position without the venue's unrealised PnL is valued at its mark price; without either, at 0.
 */
export function unrealisedOf(
  trades: readonly { symbol: string; side: string; openAmount: DecimalLike }[],
  positions: readonly Position[],
): Decimal {
  let sum = new Decimal(0);
  for (const t of trades) {
    const p = positions.find((q) => q.symbol === t.symbol && q.side === t.side);
    if (!p || p.contracts.lte(0)) continue;
    const direction = p.side === "short" ? -1 : 1;
    const upnl = p.unrealizedPnl ?? p.markPrice?.sub(p.entryPrice).mul(p.contracts).mul(direction);
    if (!upnl) continue;
    sum = sum.add(upnl.mul(Decimal.min(1, dec(t.openAmount).div(p.contracts))));
  }
  return sum;
}
