import { Decimal, dec } from "../platform/decimal.ts";

export interface FillLike {
  /** "entry" adds to the trade's position, "exit" reduces it. */
  kind: string;
  amount: Decimal;
  price: Decimal;
  fee?: Decimal | null;
}

export interface TradeFigures {
  entryAmount: Decimal;
  entryPrice: Decimal | null;
  exitAmount: Decimal;
  exitPrice: Decimal | null;
  openAmount: Decimal;
  /** Price PnL of the exits against the average entry, before fees. */
  realisedPnl: Decimal;
  fees: Decimal;
}

const ZERO = new Decimal(0);

/**
 * A trade's figures from its fills, and nothing else: what the exchange reported. Exits realise against the
 * volume-weighted entry price; fees are summed apart (net PnL = realisedPnl − fees).
 */
export function tradeFigures(side: string, fills: readonly FillLike[]): TradeFigures {
  const direction = side === "short" ? -1 : 1;
  let entryAmount = ZERO;
  let entryCost = ZERO;
  let exitAmount = ZERO;
  let exitValue = ZERO;
  let fees = ZERO;
  for (const f of fills) {
    const amount = dec(f.amount);
    if (f.kind === "entry") {
      entryAmount = entryAmount.add(amount);
      entryCost = entryCost.add(amount.mul(f.price));
    } else {
      exitAmount = exitAmount.add(amount);
      exitValue = exitValue.add(amount.mul(f.price));
    }
    if (f.fee) fees = fees.add(f.fee);
  }
  const entryPrice = entryAmount.gt(0) ? entryCost.div(entryAmount) : null;
  const exitPrice = exitAmount.gt(0) ? exitValue.div(exitAmount) : null;
  const realisedPnl = entryPrice && exitPrice ? exitPrice.sub(entryPrice).mul(exitAmount).mul(direction) : ZERO;
  return {
    entryAmount,
    entryPrice,
    exitAmount,
    exitPrice,
    openAmount: Decimal.max(ZERO, entryAmount.sub(exitAmount)),
    realisedPnl,
    fees,
  };
}
