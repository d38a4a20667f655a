import { Decimal } from "../../core/platform/decimal.ts";
import { applyFill } from "./account-math.ts";
import type { FakeAccount, FakeBinanceState, FakeOrder } from "./state.ts";
import { recordTrade } from "./user-trades.ts";

// The one way a position moves: a fill of some order, recorded as a trade. Market orders, triggered TP/SL,
// delayed fills, liquidations and the user's own orders all come through here.

const ZERO = new Decimal(0);

type OrderFields = Pick<FakeOrder, "clientOrderId" | "symbol" | "side" | "type" | "positionSide" | "origQty"> &
  Partial<FakeOrder>;

export function newOrder(state: FakeBinanceState, fields: OrderFields, now: number): FakeOrder {
  return {
    orderId: state.newId(),
    status: "NEW",
    timeInForce: "GTC",
    price: ZERO,
    executedQty: ZERO,
    avgPrice: ZERO,
    reduceOnly: false,
    time: now,
    updateTime: now,
    ...fields,
  };
}

export function registerOrder(account: FakeAccount, order: FakeOrder): void {
  account.orders.set(order.orderId, order);
  account.ordersByClientId.set(order.clientOrderId, order);
}

/**
 * Fills `qty` more of the order at `price`: position, wallet, executed quantity, average price, trade. `maker`: a
 * resting order the market came to, charged the maker fee.
 */
export function fillOrder(
  state: FakeBinanceState,
  account: FakeAccount,
  order: FakeOrder,
  qty: Decimal,
  price: Decimal,
  now: number,
  opts: { maker?: boolean } = {},
): void {
  const maker = opts.maker === true;
  const effect = applyFill(state, account, order, qty, price, now, maker ? state.makerFeeRate : state.takerFeeRate);
  const executed = order.executedQty.add(qty);
  order.avgPrice = order.executedQty.mul(order.avgPrice).add(qty.mul(price)).div(executed);
  order.executedQty = executed;
  order.updateTime = now;
  recordTrade(state, account, order, { qty, price, maker, ...effect }, now);
}

/** Whether a LIMIT order may fill at `market`: a buy at or below its price, a sell at or above it. */
export function withinLimit(order: FakeOrder, market: Decimal): boolean {
  if (order.type !== "LIMIT") return true;
  return order.side === "BUY" ? market.lte(order.price) : market.gte(order.price);
}
