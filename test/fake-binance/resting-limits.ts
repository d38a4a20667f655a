import { Decimal } from "../../core/platform/decimal.ts";
import { binanceErrors } from "./binance-error.ts";
import { fillOrder, withinLimit } from "./fills.ts";
import { closesHedgedSide } from "./position-mode.ts";
import { type FakeAccount, type FakeBinanceState, type FakeOrder, isOpen, positionKey } from "./state.ts";

// LIMIT orders that rest (GTC): there is no book, so the price stands for it. A move to or through a resting
// order's price fills what is left of it at that price (a buy when the mark falls to or below it, a sell at or
// above), as a maker; a test can also fill part of one (fillLimit) to see it PARTIALLY_FILLED. A reduce-only one
// only ever reduces: what the position no longer covers expires, as Binance expires a reduce-only remainder.

const ZERO = new Decimal(0);

type Entry = { account: FakeAccount; order: FakeOrder };

export function restLimit(state: FakeBinanceState, account: FakeAccount, order: FakeOrder): void {
  let set = state.restingLimitsBySymbol.get(order.symbol);
  if (!set) {
    set = new Set<Entry>();
    state.restingLimitsBySymbol.set(order.symbol, set);
  }
  set.add({ account, order });
}

/** After the symbol's mark moved: every resting limit it reached fills the rest of its quantity at its price. */
export function fillRestingLimits(state: FakeBinanceState, symbol: string, now: number): void {
  const set = state.restingLimitsBySymbol.get(symbol);
  if (!set) return;
  const mark = state.price(symbol);
  // Oldest first, as a book at one price would fill them.
  for (const entry of [...set].sort((x, y) => x.order.orderId - y.order.orderId)) {
    const { account, order } = entry;
    if (isOpen(order) && withinLimit(order, mark)) fillPart(state, account, order, order.origQty, now);
    if (!isOpen(order)) set.delete(entry);
  }
}

/**
 * Fills `qty` of a resting limit at its own price (capped at what is left, and for a reduce-only order at what
 * the position still covers): PARTIALLY_FILLED while some is left, FILLED when none is, EXPIRED when a
 * reduce-only order has nothing more to reduce.
 */
export function fillPart(state: FakeBinanceState, account: FakeAccount, order: FakeOrder, qty: Decimal, now: number) {
  let part = Decimal.min(qty, order.origQty.sub(order.executedQty));
  const reducing = order.reduceOnly || closesHedgedSide(order.positionSide, order.side);
  const room = reducing ? reducibleNow(account, order) : undefined;
  if (room) part = Decimal.min(part, room);
  if (part.gt(0)) fillOrder(state, account, order, part, order.price, now, { maker: true });
  order.updateTime = now;
  if (order.executedQty.eq(order.origQty)) order.status = "FILLED";
  else if (room?.lte(part)) order.status = "EXPIRED";
  else if (order.executedQty.gt(0)) order.status = "PARTIALLY_FILLED";
}

/** The open resting LIMIT with this client id: on the key's account, or on whichever account holds it. */
export function findRestingLimit(state: FakeBinanceState, clientOrderId: string, apiKey?: string): Entry {
  const accounts = apiKey === undefined ? [...state.accounts.values()] : [state.accounts.get(apiKey)];
  const found: Entry[] = [];
  for (const account of accounts) {
    const order = account?.ordersByClientId.get(clientOrderId);
    if (account && order && isOpen(order) && order.type === "LIMIT" && order.timeInForce !== "IOC") {
      found.push({ account, order });
    }
  }
  if (found.length > 1) throw new Error(`${found.length} accounts rest an order ${clientOrderId}: name the apiKey`);
  const [entry] = found;
  if (!entry) throw binanceErrors.unknownOrder();
  return entry;
}

/** A test's partial (or whole) fill of one resting limit at its price; the quantity is on the lot step. */
export function fillLimit(state: FakeBinanceState, clientOrderId: string, qty: string, apiKey?: string): FakeOrder {
  const { account, order } = findRestingLimit(state, clientOrderId, apiKey);
  const step = state.symbols.get(order.symbol)?.stepSize;
  const amount = new Decimal(qty);
  if (amount.lte(0) || (step && !amount.mod(step).isZero())) throw binanceErrors.badParam("qty");
  if (amount.gt(order.origQty.sub(order.executedQty)))
    throw new Error(`only ${order.origQty.sub(order.executedQty)} left`);
  fillPart(state, account, order, amount, Date.now());
  return order;
}

function reducibleNow(account: FakeAccount, order: FakeOrder): Decimal {
  const amt = account.positions.get(positionKey(order.symbol, order.positionSide))?.amt ?? ZERO;
  const opposite = !amt.isZero() && amt.isPositive() === (order.side === "SELL");
  return opposite ? amt.abs() : ZERO;
}
