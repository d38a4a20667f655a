import { Decimal } from "../../core/platform/decimal.ts";
import { MAINT_MARGIN_RATE, maintenanceMargin, unrealizedPnl } from "./account-math.ts";
import { fillOrder, newOrder, registerOrder } from "./fills.ts";
import { cancelOrder } from "./place-order.ts";
import { type FakeAccount, type FakeBinanceState, isOpen, positionsOf } from "./state.ts";

// Cross margin, as Binance runs it: the account is liquidated once its margin balance (wallet + uPnL of every
// position) falls below the maintenance margin of its positions (notional × 0.004: one bracket, no maintenance
// amount). Solving that for one symbol's mark, the other marks held where they are, gives the liquidation price
// positionRisk reports for each position in the symbol (hedged LONG and SHORT share it). A mark that crosses
// it closes the symbol's positions at that price with an IOC LIMIT order named autoclose-<epoch ms><seq>, the
// way Binance names its liquidation orders. The fill pays the taker fee like any other; Binance's insurance
// clearance fee is not modelled, so what is left of the margin stays in the wallet.

const ZERO = new Decimal(0);
let seq = 0;

/** Undefined when no positive mark would do it (fully hedged, or funded beyond the position's notional). */
export function liquidationPrice(state: FakeBinanceState, account: FakeAccount, symbol: string): Decimal | undefined {
  // Margin balance - maintenance = others + mark × slope - entries, linear in the symbol's mark.
  let others = account.wallet;
  let slope = ZERO;
  let entries = ZERO;
  for (const { symbol: s, pos } of positionsOf(account)) {
    if (pos.amt.isZero()) continue;
    if (s === symbol) {
      slope = slope.add(pos.amt.sub(pos.amt.abs().mul(MAINT_MARGIN_RATE)));
      entries = entries.add(pos.amt.mul(pos.entryPrice));
    } else {
      const mark = state.price(s);
      others = others.add(mark.sub(pos.entryPrice).mul(pos.amt)).sub(pos.amt.abs().mul(mark).mul(MAINT_MARGIN_RATE));
    }
  }
  if (slope.isZero()) return undefined;
  const price = entries.sub(others).div(slope);
  return price.gt(0) ? price : undefined;
}

/** After `symbol`'s mark moved from `previous`: liquidates every account the move took under maintenance. */
export function checkLiquidations(state: FakeBinanceState, symbol: string, previous: Decimal, now: number): void {
  for (const account of state.accounts.values()) {
    if (!holds(account, symbol)) continue;
    const marginBalance = account.wallet.add(unrealizedPnl(state, account));
    if (marginBalance.gte(maintenanceMargin(state, account))) continue;
    liquidate(state, account, symbol, previous, now);
  }
}

function liquidate(state: FakeBinanceState, account: FakeAccount, symbol: string, previous: Decimal, now: number) {
  const mark = state.price(symbol);
  const liq = liquidationPrice(state, account, symbol);
  // The mark passed the liquidation price on its way; an account already under water before the move (its
  // balance was lowered) is closed at the mark instead.
  const crossed = liq?.gte(Decimal.min(previous, mark)) && liq.lte(Decimal.max(previous, mark));
  const tick = state.symbols.get(symbol)?.tickSize;
  const price = crossed && liq ? (tick ? liq.toNearest(tick) : liq) : mark;
  for (const o of account.orders.values()) if (o.symbol === symbol && isOpen(o)) cancelOrder(o, now);
  for (const { symbol: s, positionSide, pos } of [...positionsOf(account)]) {
    if (s !== symbol || pos.amt.isZero()) continue;
    const qty = pos.amt.abs();
    seq = (seq + 1) % 1_000_000;
    const order = newOrder(
      state,
      {
        clientOrderId: `autoclose-${now}${String(seq).padStart(6, "0")}`,
        symbol,
        side: pos.amt.isPositive() ? "SELL" : "BUY",
        type: "LIMIT",
        timeInForce: "IOC",
        positionSide,
        price,
        origQty: qty,
        autoCloseType: "LIQUIDATION",
      },
      now,
    );
    fillOrder(state, account, order, qty, price, now);
    order.status = "FILLED";
    registerOrder(account, order);
  }
}

function holds(account: FakeAccount, symbol: string): boolean {
  for (const { symbol: s, pos } of positionsOf(account)) if (s === symbol && !pos.amt.isZero()) return true;
  return false;
}
