import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Decimal } from "../../core/platform/decimal.ts";
import { readBody, sendJson } from "../fake-binance/http-io.ts";
import { cancelOpenOrder } from "./bybit-cancel.ts";
import type { BybitMarketFault } from "./bybit-faults.ts";
import { fillLimit } from "./bybit-limits.ts";
import { clearAllPending, settleAll } from "./bybit-pending.ts";
import { placeOrder } from "./bybit-place.ts";
import { switchPositionMode } from "./bybit-position-mode.ts";
import { movePrice } from "./bybit-price-moves.ts";
import { type BybitParams, bybitRoutes } from "./bybit-routes.ts";
import { type BybitAccount, BybitError, FakeBybitState, isHedged, type Side } from "./bybit-state.ts";

// A Bybit v5 fake for the ccxt `bybit` client (linear perpetuals, unified account). Keys follow the Binance
// fake's rule: any key signing with `secret-<apiKey>` is accepted; revokeKey() makes it invalid.

export interface FakeBybitOptions {
  /** USDT wallet of every new key. Default "10000". */
  startingBalance?: string;
  /** Charged on every fill but a resting limit's, and reported per execution. Default "0.00055" (0.055%). */
  takerFeeRate?: string;
  /** Charged when the price comes to a resting (GTC) limit order. Default "0.0002" (0.02%). */
  makerFeeRate?: string;
  /** When faulted market orders play out the rest (see BybitMarketFault). Default 300 ms. */
  settleAfterMs?: number;
  /** Market orders that fill in parts or not at all. None by default. */
  marketFaults?: BybitMarketFault[];
}

/** A market order placed in the Bybit app, outside Mimic. */
export interface UserOrder {
  /** Bybit id ("BTCUSDT") or ccxt symbol ("BTC/USDT:USDT"). */
  symbol: string;
  side: Side;
  qty: string;
  reduceOnly?: boolean;
  /** The app sends none; set one to find the order again (userCancel, faults). */
  orderLinkId?: string;
  /** Default: 0 in one-way mode; in hedge mode the side the order opens, or closes when reduceOnly. */
  positionIdx?: 0 | 1 | 2;
}

export interface FakeBybit {
  readonly url: string;
  readonly state: FakeBybitState;
  revokeKey(apiKey: string): void;
  /** Gives the key the "Withdraw" wallet permission. */
  allowWithdrawals(apiKey: string): void;
  setBalance(apiKey: string, balance: string): void;
  /**
   * Moves last and mark price together, then fills the resting limit orders (at their price), fires the conditional
   * orders and liquidations it reaches.
   */
  setPrice(symbol: string, price: string | number): void;
  /** Moves the mark (and index) only: liquidations and MarkPrice/IndexPrice triggers follow it. */
  setMarkPrice(symbol: string, price: string | number): void;
  setMarketFaults(faults: BybitMarketFault[]): void;
  /**
   * Fills `qty` (on the lot step, at most what is left) of the key's resting GTC limit order at its price, as a
   * maker: PartiallyFilled while some is left, Filled when none is. Throws BybitError 110001 if it is not resting.
   */
  fillLimit(apiKey: string, orderLinkId: string, qty: string): void;
  /** Plays out every faulted market order now instead of on its timer; returns how many there were. */
  settlePending(): number;
  /** Throws BybitError where Bybit would refuse the order. */
  userOrder(apiKey: string, order: UserOrder): { orderId: string; orderLinkId: string };
  /** Cancels an open order (conditional or still filling) the way the app does; throws if it is not open. */
  userCancel(apiKey: string, orderLinkId: string): void;
  /** Hedge (true) or one-way mode, for one symbol or the whole account; refused while positions/orders exist. */
  setPositionMode(apiKey: string, hedged: boolean, symbol?: string): void;
  close(): Promise<void>;
}

/** "BTC/USDT:USDT" -> "BTCUSDT"; Bybit ids pass through. */
const bybitId = (symbol: string) => (symbol.includes("/") ? (symbol.split(":")[0] ?? "").replace("/", "") : symbol);

export async function startFakeBybit(opts: FakeBybitOptions = {}): Promise<FakeBybit> {
  const state = new FakeBybitState({
    startingBalance: opts.startingBalance ?? "10000",
    takerFeeRate: new Decimal(opts.takerFeeRate ?? "0.00055"),
    makerFeeRate: new Decimal(opts.makerFeeRate ?? "0.0002"),
    settleAfterMs: opts.settleAfterMs ?? 300,
    marketFaults: opts.marketFaults ?? [],
  });
  const server = createServer((req, res) => {
    void (async () => {
      const rawUrl = req.url ?? "/";
      const q = rawUrl.indexOf("?");
      const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
      const query = q < 0 ? "" : rawUrl.slice(q + 1);
      const body = req.method === "POST" ? await readBody(req) : "";
      const route = bybitRoutes[`${req.method} ${path}`];
      try {
        if (!route) throw new BybitError(10001, `no such endpoint in the fake: ${req.method} ${path}`, 404);
        const params: BybitParams = body
          ? (JSON.parse(body) as BybitParams)
          : Object.fromEntries(new URLSearchParams(query));
        const account = route.signed ? authenticate(state, req, req.method === "POST" ? body : query) : undefined;
        const result = route.handle(state, account, params);
        sendJson(res, 200, { retCode: 0, retMsg: "OK", result, retExtInfo: {}, time: Date.now() });
      } catch (err) {
        const e = err instanceof BybitError ? err : new BybitError(10016, "System error. Please try again later.", 500);
        sendJson(res, e.httpStatus, {
          retCode: e.retCode,
          retMsg: e.message,
          result: {},
          // Not Bybit's: a bug in the fake itself should not hide behind a generic 10016.
          retExtInfo: err instanceof BybitError ? {} : { fakeError: String(err) },
          time: Date.now(),
        });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    revokeKey: (apiKey) => {
      state.account(apiKey).revoked = true;
    },
    allowWithdrawals: (apiKey) => {
      state.account(apiKey).canWithdraw = true;
    },
    setBalance: (apiKey, balance) => {
      state.account(apiKey).wallet = new Decimal(balance);
    },
    setPrice: (symbol, price) => movePrice(state, bybitId(symbol), { last: String(price), mark: String(price) }),
    setMarkPrice: (symbol, price) => movePrice(state, bybitId(symbol), { mark: String(price) }),
    setMarketFaults: (faults) => {
      state.config.marketFaults = faults;
    },
    fillLimit: (apiKey, orderLinkId, qty) => void fillLimit(state, state.account(apiKey), orderLinkId, qty),
    settlePending: () => settleAll(state),
    userOrder: (apiKey, order) => {
      const a = state.account(apiKey);
      const symbol = bybitId(order.symbol);
      const o = placeOrder(state, a, {
        symbol,
        side: order.side,
        qty: order.qty,
        orderLinkId: order.orderLinkId,
        reduceOnly: order.reduceOnly,
        positionIdx: order.positionIdx ?? appPositionIdx(a, symbol, order),
      });
      return { orderId: o.orderId, orderLinkId: o.orderLinkId };
    },
    userCancel: (apiKey, orderLinkId) => {
      const o = state.account(apiKey).orders.get(orderLinkId);
      if (!o || !cancelOpenOrder(state, o)) throw new BybitError(110001, "order not exists or too late to cancel");
    },
    setPositionMode: (apiKey, hedged, symbol) => {
      const scope = symbol ? { symbol: bybitId(symbol) } : { coin: "USDT" };
      switchPositionMode(state, state.account(apiKey), hedged, scope, { quietIfUnchanged: true });
    },
    close: () => {
      clearAllPending(state);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The app knows the account's mode: in hedge mode it opens on the order's side and closes the other one. */
function appPositionIdx(a: BybitAccount, symbol: string, order: UserOrder): 0 | 1 | 2 {
  if (!isHedged(a, symbol)) return 0;
  return (order.side === "Buy") !== (order.reduceOnly === true) ? 1 : 2;
}

/** v5 HMAC: hex(HMAC-SHA256(secret, timestamp + apiKey + recvWindow + (query string | JSON body))). */
function authenticate(state: FakeBybitState, req: IncomingMessage, payload: string): BybitAccount {
  const h = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const apiKey = h("x-bapi-api-key");
  if (!apiKey) throw new BybitError(10003, "API key is invalid.", 401);
  const account = state.account(apiKey);
  if (account.revoked) throw new BybitError(10003, "API key is invalid.", 401);
  const timestamp = h("x-bapi-timestamp") ?? "";
  const recvWindow = h("x-bapi-recv-window") ?? "5000";
  const expected = createHmac("sha256", account.secret)
    .update(timestamp + apiKey + recvWindow + payload)
    .digest("hex");
  if (h("x-bapi-sign") !== expected)
    throw new BybitError(10004, "Error sign, please check your signature generation algorithm.", 401);
  if (Math.abs(Date.now() - Number(timestamp)) > Number(recvWindow)) {
    throw new BybitError(10002, "invalid request, please check your server timestamp or recv_window param");
  }
  return account;
}
