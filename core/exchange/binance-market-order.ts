import { createHmac } from "node:crypto";
import type { Dict, Exchange } from "ccxt";
import { Decimal } from "../platform/decimal.ts";
import type { OrderResult, OrderSide, OrderStatus } from "./exchange.ts";

export interface MarketOrder {
  /** Unified symbol, e.g. BTC/USDT:USDT. */
  symbol: string;
  side: OrderSide;
  /** Already on the market's lot step (amountToPrecision). */
  amount: string;
  clientOrderId: string;
  reduceOnly: boolean;
  /**
   * Set: a LIMIT order at this price (priceToPrecision's string) instead of MARKET: immediate-or-cancel for an entry
   * under its slippage cap (the order every follower of a signal sends), GTC for one that rests (an entry zone's
   * leg, a DCA order; a zone is placed by every follower too).
   */
  limitPrice?: string;
  /** With limitPrice; IOC when absent. */
  timeInForce?: "IOC" | "GTC";
}

/**
 * The request ccxt's createOrder builds for a plain market order, or an IOC or GTC limit one, on a linear perpetual
 * (one-way mode, not portfolio margin). Kept equal to it by a test against `createOrderRequest`.
 */
export function binanceMarketOrderRequest(ex: Exchange, o: MarketOrder): Dict {
  const request: Dict = {
    symbol: ex.market(o.symbol).id,
    side: o.side === "buy" ? "BUY" : "SELL",
    newClientOrderId: o.clientOrderId,
    newOrderRespType: "RESULT",
    type: o.limitPrice === undefined ? "MARKET" : "LIMIT",
    quantity: o.amount,
  };
  // In ccxt's order: the signature covers the query string as written.
  if (o.limitPrice !== undefined) {
    request.price = o.limitPrice;
    request.timeInForce = o.timeInForce ?? "IOC";
  }
  if (o.reduceOnly) request.reduceOnly = true;
  return request;
}

// Binance's order statuses, as ccxt's parseOrderStatus and then toOrderStatus read them.
const statuses: Record<string, OrderStatus> = {
  NEW: "open",
  PARTIALLY_FILLED: "open",
  FILLED: "filled",
  CANCELED: "canceled",
  EXPIRED: "canceled",
  EXPIRED_IN_MATCH: "canceled",
  REJECTED: "rejected",
};

/** Binance's answer to POST /fapi/v1/order (newOrderRespType RESULT), read the way toOrderResult(parseOrder) does. */
export function fromBinanceOrder(r: Dict, o: MarketOrder): OrderResult {
  const executed = typeof r.executedQty === "string" && r.executedQty !== "" ? new Decimal(r.executedQty) : undefined;
  const avg = typeof r.avgPrice === "string" && r.avgPrice !== "" ? new Decimal(r.avgPrice) : undefined;
  return {
    exchangeOrderId: r.orderId === undefined || r.orderId === null ? "" : String(r.orderId),
    clientOrderId: typeof r.clientOrderId === "string" ? r.clientOrderId : o.clientOrderId,
    symbol: o.symbol,
    side: r.side === "BUY" ? "buy" : r.side === "SELL" ? "sell" : o.side,
    status: statuses[String(r.status)] ?? "open",
    filledAmount: executed ?? new Decimal(0),
    avgPrice: avg?.gt(0) ? avg : undefined,
  };
}

export interface SignedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

type CcxtInternals = {
  nonce(): number;
  checkRequiredCredentials(): void;
  fetch(url: string, method: string, headers: Dict, body: string): Promise<Dict>;
  fapiPrivatePostOrder(request: Dict): Promise<Dict>;
};

/**
 * POST /fapi/v1/order signed as ccxt's binance.sign signs it for an HMAC key: timestamp first, then the request,
 * then the account-wide recvWindow. Tested equal to ccxt's output. RSA and Ed25519 keys are left to ccxt.
 */
export function signBinanceOrder(ex: Exchange, request: Dict): SignedRequest | undefined {
  if (ex.secret.includes("PRIVATE KEY")) return undefined;
  (ex as unknown as CcxtInternals).checkRequiredCredentials();
  let query = `timestamp=${(ex as unknown as CcxtInternals).nonce()}`;
  for (const key in request) query += `&${key}=${encodeURIComponent(String(request[key]))}`;
  const recvWindow = ex.options.recvWindow;
  if (Number.isInteger(recvWindow)) query += `&recvWindow=${recvWindow}`;
  const signature = createHmac("sha256", ex.secret).update(query).digest("hex");
  return {
    url: `${(ex.urls.api as Dict).fapiPrivate}/order`,
    body: `${query}&signature=${signature}`,
    headers: { "X-MBX-APIKEY": ex.apiKey, "Content-Type": "application/x-www-form-urlencoded" },
  };
}

/**
 * A plain market order (a close) or a limit order (an IOC entry, a resting GTC one) on Binance USDⓈ-M, the call
 * every follower of a signal makes. The
 * request is built and signed here and sent with ccxt's own fetch, so timeouts, network failures and Binance's
 * error codes become the same ccxt errors as before; ccxt's generic createOrder builder, request pipeline and
 * order parser are skipped: ccxt went from 17% to 7% of the worker's profile per order in the fan-out
 * benchmark (docs/performance.md).
 */
export async function binanceMarketOrder(ex: Exchange, o: MarketOrder): Promise<OrderResult> {
  const internals = ex as unknown as CcxtInternals;
  const request = binanceMarketOrderRequest(ex, o);
  const signed = signBinanceOrder(ex, request);
  const response = signed
    ? await internals.fetch(signed.url, "POST", signed.headers, signed.body)
    : await internals.fapiPrivatePostOrder.call(ex, request);
  return fromBinanceOrder(response, o);
}
