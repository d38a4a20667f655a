import { Decimal } from "../../core/platform/decimal.ts";
import type { FakeAccount, FakeBinanceState, Side } from "./state.ts";

// Cross margin in one-way mode, the way Binance reports it: available = wallet + uPnL - initial margin of positions.
// No maintenance margin or liquidation: followers' tests care about "can this order be afforded".

const ZERO = new Decimal(0);

export function unrealizedPnl(state: FakeBinanceState, account: FakeAccount): Decimal {
  let total = ZERO;
  for (const [symbol, p] of account.positions) {
    if (p.amt.isZero()) continue;
    total = total.add(state.price(symbol).sub(p.entryPrice).mul(p.amt));
  }
  return total;
}

export function positionMargin(state: FakeBinanceState, account: FakeAccount, symbol: string, amt: Decimal): Decimal {
  return amt.abs().mul(state.price(symbol)).div(state.leverageOf(account, symbol));
}

export function totalPositionMargin(state: FakeBinanceState, account: FakeAccount): Decimal {
  let total = ZERO;
  for (const [symbol, p] of account.positions) {
    if (!p.amt.isZero()) total = total.add(positionMargin(state, account, symbol, p.amt));
  }
  return total;
}

export function availableBalance(state: FakeBinanceState, account: FakeAccount): Decimal {
  const available = account.wallet.add(unrealizedPnl(state, account)).sub(totalPositionMargin(state, account));
  return Decimal.max(available, ZERO);
}

export function signedQty(side: Side, qty: Decimal): Decimal {
  return side === "BUY" ? qty : qty.neg();
}

/** Moves the position by a fill; realised PnL and the taker fee settle into the wallet. */
export function applyFill(
  state: FakeBinanceState,
  account: FakeAccount,
  symbol: string,
  side: Side,
  qty: Decimal,
  price: Decimal,
  now: number,
): void {
  const delta = signedQty(side, qty);
  const pos = account.positions.get(symbol) ?? { amt: ZERO, entryPrice: ZERO, updateTime: now };
  const old = pos.amt;
  const next = old.add(delta);
  if (old.isZero() || old.isPositive() === delta.isPositive()) {
    // Opening or adding: volume-weighted entry.
    pos.entryPrice = old.abs().mul(pos.entryPrice).add(qty.mul(price)).div(next.abs());
  } else {
    const closed = Decimal.min(old.abs(), qty);
    const pnl = price
      .sub(pos.entryPrice)
      .mul(closed)
      .mul(old.isPositive() ? 1 : -1);
    account.wallet = account.wallet.add(pnl);
    if (next.isZero()) pos.entryPrice = ZERO;
    else if (next.isPositive() !== old.isPositive()) pos.entryPrice = price;
  }
  account.wallet = account.wallet.sub(qty.mul(price).mul(state.takerFeeRate));
  pos.amt = next;
  pos.updateTime = now;
  account.positions.set(symbol, pos);
}
