import { Decimal } from "../../core/platform/decimal.ts";
import {
  type FakeAccount,
  type FakeBinanceState,
  type PositionSide,
  positionKey,
  positionsOf,
  type Side,
} from "./state.ts";

// Cross margin, the way Binance reports it: available = wallet + uPnL - initial margin of positions, and the
// account is liquidated once wallet + uPnL (its margin balance) falls below the positions' maintenance margin.

const ZERO = new Decimal(0);
/** First bracket of every symbol (GET /fapi/v1/leverageBracket answers the same). */
export const MAINT_MARGIN_RATE = new Decimal("0.004");

export function unrealizedPnl(state: FakeBinanceState, account: FakeAccount): Decimal {
  let total = ZERO;
  for (const { symbol, pos } of positionsOf(account)) {
    if (pos.amt.isZero()) continue;
    total = total.add(state.price(symbol).sub(pos.entryPrice).mul(pos.amt));
  }
  return total;
}

export function positionMargin(state: FakeBinanceState, account: FakeAccount, symbol: string, amt: Decimal): Decimal {
  return amt.abs().mul(state.price(symbol)).div(state.leverageOf(account, symbol));
}

export function totalPositionMargin(state: FakeBinanceState, account: FakeAccount): Decimal {
  let total = ZERO;
  for (const { symbol, pos } of positionsOf(account)) {
    if (!pos.amt.isZero()) total = total.add(positionMargin(state, account, symbol, pos.amt));
  }
  return total;
}

export function maintenanceMargin(state: FakeBinanceState, account: FakeAccount): Decimal {
  let total = ZERO;
  for (const { symbol, pos } of positionsOf(account)) total = total.add(pos.amt.abs().mul(state.price(symbol)));
  return total.mul(MAINT_MARGIN_RATE);
}

export function availableBalance(state: FakeBinanceState, account: FakeAccount): Decimal {
  const available = account.wallet.add(unrealizedPnl(state, account)).sub(totalPositionMargin(state, account));
  return Decimal.max(available, ZERO);
}

export function signedQty(side: Side, qty: Decimal): Decimal {
  return side === "BUY" ? qty : qty.neg();
}

export interface FillEffect {
  realizedPnl: Decimal;
  commission: Decimal;
}

/** Moves the position by a fill; realised PnL and the fee (taker unless told) settle into the wallet. */
export function applyFill(
  state: FakeBinanceState,
  account: FakeAccount,
  order: { symbol: string; positionSide: PositionSide; side: Side },
  qty: Decimal,
  price: Decimal,
  now: number,
  feeRate: Decimal = state.takerFeeRate,
): FillEffect {
  const key = positionKey(order.symbol, order.positionSide);
  const delta = signedQty(order.side, qty);
  const pos = account.positions.get(key) ?? { amt: ZERO, entryPrice: ZERO, updateTime: now };
  const old = pos.amt;
  const next = old.add(delta);
  let realizedPnl = ZERO;
  if (old.isZero() || old.isPositive() === delta.isPositive()) {
    // Opening or adding: volume-weighted entry.
    pos.entryPrice = old.abs().mul(pos.entryPrice).add(qty.mul(price)).div(next.abs());
  } else {
    const closed = Decimal.min(old.abs(), qty);
    realizedPnl = price
      .sub(pos.entryPrice)
      .mul(closed)
      .mul(old.isPositive() ? 1 : -1);
    account.wallet = account.wallet.add(realizedPnl);
    if (next.isZero()) pos.entryPrice = ZERO;
    else if (next.isPositive() !== old.isPositive()) pos.entryPrice = price;
  }
  const commission = qty.mul(price).mul(feeRate);
  account.wallet = account.wallet.sub(commission);
  pos.amt = next;
  pos.updateTime = now;
  account.positions.set(key, pos);
  return { realizedPnl, commission };
}
