import { Decimal, dec } from "../platform/decimal.ts";

export interface Fill {
  at: Date;
  accountId: string;
  symbol: string;
  side: "buy" | "sell";
  amount: Decimal;
  price: Decimal;
  strategyId: string;
}

export interface RealisedEvent {
  at: Date;
  strategyId: string;
  pnl: Decimal;
}

/**
 * Replays fills per (account, symbol) with average-cost accounting: a fill against the open position realises
 * (exit - entry) × closed amount, attributed to the strategy whose signal made the reducing fill.
 */
export function realisedPnl(fills: Fill[]): RealisedEvent[] {
  const books = new Map<string, { contracts: Decimal; entry: Decimal }>();
  const events: RealisedEvent[] = [];
  for (const f of [...fills].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const key = `${f.accountId}|${f.symbol}`;
    const book = books.get(key) ?? { contracts: new Decimal(0), entry: new Decimal(0) };
    const signed = f.side === "buy" ? f.amount : f.amount.neg();
    const reducing = !book.contracts.isZero() && book.contracts.isNeg() !== signed.isNeg();
    if (reducing) {
      const closed = Decimal.min(signed.abs(), book.contracts.abs());
      const direction = book.contracts.isNeg() ? -1 : 1;
      events.push({ at: f.at, strategyId: f.strategyId, pnl: f.price.sub(book.entry).mul(closed).mul(direction) });
      const next = book.contracts.add(signed);
      // A flip opens the remainder at this fill's price.
      book.entry = next.isZero() || next.isNeg() !== book.contracts.isNeg() ? f.price : book.entry;
      book.contracts = next;
    } else {
      const total = book.contracts.abs().add(f.amount);
      book.entry = book.contracts.abs().mul(book.entry).add(f.amount.mul(f.price)).div(total);
      book.contracts = book.contracts.add(signed);
    }
    books.set(key, book);
  }
  return events;
}

export const sumPnl = (events: RealisedEvent[]) => events.reduce((s, e) => s.add(e.pnl), dec(0));
