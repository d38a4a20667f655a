import { Decimal, floorToStep } from "../../core/platform/decimal.ts";
import type { DelayedFillMode, FaultConfig } from "./faults.ts";
import { fillOrder, withinLimit } from "./fills.ts";
import { type FakeAccount, type FakeBinanceState, type FakeOrder, isOpen, positionKey } from "./state.ts";

// A busy matching engine acks a MARKET (or IOC LIMIT) order before it has filled: the answer says NEW (or
// PARTIALLY_FILLED) and the fill arrives later, or what is left expires (thin book, price band). The later half
// runs on a timer, or at once on settlePending(), so a test decides when the client's view of the order goes
// stale. An IOC LIMIT fills only while the price is within its limit; past it, the rest expires.

export interface DelayedFillPlan {
  mode: DelayedFillMode;
  fillAfterMs: number;
  /** Share of the order filled in the first answer of the partial modes, floored to the step size. */
  fraction: Decimal;
}

export interface PendingFill {
  account: FakeAccount;
  order: FakeOrder;
  rest: "fill" | "expire";
  /** What an immediate fill would have filled: the quantity, or a reduce-only order's cap when placed. */
  target: Decimal;
  /** Reduce-only (or closing a hedged side): the rest is capped again by the position it finds. */
  reducing: boolean;
  timer?: NodeJS.Timeout;
}

export function startDelayedFill(
  state: FakeBinanceState,
  account: FakeAccount,
  order: FakeOrder,
  plan: DelayedFillPlan,
  fill: { target: Decimal; reducing: boolean },
  now: number,
): void {
  if (plan.mode === "expire") {
    order.status = "EXPIRED";
    return;
  }
  if (plan.mode !== "new-then-fill") {
    const step = state.symbols.get(order.symbol)?.stepSize ?? new Decimal(0);
    const part = floorToStep(fill.target.mul(plan.fraction), step);
    if (part.gt(0) && part.lt(fill.target)) {
      fillOrder(state, account, order, part, state.price(order.symbol), now);
      order.status = "PARTIALLY_FILLED";
    }
  }
  const pending: PendingFill = {
    account,
    order,
    ...fill,
    rest: plan.mode === "partial-then-expire" ? "expire" : "fill",
  };
  pending.timer = setTimeout(() => settle(state, pending, Date.now()), plan.fillAfterMs);
  pending.timer.unref();
  state.pending.add(pending);
}

/** The order's later half: the rest fills at the price of that moment, or expires. A canceled order stays so. */
export function settle(state: FakeBinanceState, pending: PendingFill, now: number): void {
  clearTimeout(pending.timer);
  state.pending.delete(pending);
  const { account, order } = pending;
  if (!isOpen(order)) return;
  if (pending.rest === "fill" && withinLimit(order, state.price(order.symbol))) {
    let rest = pending.target.sub(order.executedQty);
    if (pending.reducing) rest = Decimal.min(rest, reducibleNow(account, order));
    if (rest.gt(0)) fillOrder(state, account, order, rest, state.price(order.symbol), now);
  }
  order.status = order.executedQty.eq(order.origQty) ? "FILLED" : "EXPIRED";
  order.updateTime = now;
}

export function settleAll(state: FakeBinanceState, now = Date.now()): number {
  const all = [...state.pending];
  for (const p of all) settle(state, p, now);
  return all.length;
}

export function dropPending(state: FakeBinanceState): void {
  for (const p of state.pending) clearTimeout(p.timer);
  state.pending.clear();
}

function reducibleNow(account: FakeAccount, order: FakeOrder): Decimal {
  const amt = account.positions.get(positionKey(order.symbol, order.positionSide))?.amt ?? new Decimal(0);
  const opposite = !amt.isZero() && amt.isPositive() === (order.side === "SELL");
  return opposite ? amt.abs() : new Decimal(0);
}

export function planDelayedFill(faults: FaultConfig): DelayedFillPlan {
  return {
    mode: faults.delayedFillMode ?? "new-then-fill",
    fillAfterMs: faults.fillAfterMs ?? 300,
    fraction: new Decimal(faults.partialFillFraction ?? 0.4),
  };
}
