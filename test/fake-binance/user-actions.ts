import { randomBytes } from "node:crypto";
import { cancelAlgoOrder } from "./algo-orders.ts";
import { binanceErrors } from "./binance-error.ts";
import type { Params } from "./order-params.ts";
import { cancelOrder, placeOrder } from "./place-order.ts";
import {
  type FakeAccount,
  type FakeBinanceState,
  type FakeOrder,
  isOpen,
  type PositionSide,
  type Side,
} from "./state.ts";

// What the account's owner does in the Binance app behind Mimic's back: a market order of their own, or
// cancelling an order Mimic placed. Both go through the same matching, fills and trade list as API orders.

export interface UserOrder {
  symbol: string;
  side: Side;
  qty: string;
  reduceOnly?: boolean;
  /** Hedge-mode accounts only: LONG or SHORT. */
  positionSide?: PositionSide;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** The app's ids look like android_ZQVVtmYN2Ac5Wj6TadGV (ios_ and web_ likewise). */
function appClientId(): string {
  return `android_${[...randomBytes(20)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("")}`;
}

function accountOf(state: FakeBinanceState, apiKey: string): FakeAccount {
  const account = state.resolveKey(apiKey);
  if (!account) throw new Error(`unknown key ${apiKey}`);
  return account;
}

/** A MARKET order from the app; refused with the BinanceError the API would give. Not counted as a create. */
export function userOrder(state: FakeBinanceState, apiKey: string, o: UserOrder, now = Date.now()): FakeOrder {
  const params: Params = {
    symbol: o.symbol,
    side: o.side,
    type: "MARKET",
    quantity: o.qty,
    newClientOrderId: appClientId(),
  };
  if (o.reduceOnly) params.reduceOnly = "true";
  if (o.positionSide) params.positionSide = o.positionSide;
  return placeOrder(state, accountOf(state, apiKey), params, now, { countAccepted: false });
}

/** Cancels an open order or open algo order by its client id; -2011 when there is none. */
export function userCancel(
  state: FakeBinanceState,
  apiKey: string,
  clientOrderId: string,
  now = Date.now(),
): "order" | "algo" {
  const account = accountOf(state, apiKey);
  const order = account.ordersByClientId.get(clientOrderId);
  if (order && isOpen(order)) {
    cancelOrder(order, now);
    return "order";
  }
  const algo = account.algoByClientId.get(clientOrderId);
  if (algo?.algoStatus === "NEW") {
    cancelAlgoOrder(state, account, algo, now);
    return "algo";
  }
  throw binanceErrors.unknownOrder();
}
