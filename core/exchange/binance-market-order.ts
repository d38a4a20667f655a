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
}

/**
 * The request ccxt's createOrder builds for a plain market order on a linear perpetual (one-way mode, not
 * portfolio margin). Kept equal to it by a test against `createOrderRequest`.
 */
export function binanceMarketOrderRequest(ex: Exchange, o: MarketOrder): Dict {
  const request: Dict = {
    symbol: ex.market(o.symbol).id,
    side: o.side === "buy" ? "BUY" : "SELL",
    newClientOrderId: o.clientOrderId,
    newOrderRespType: "RESULT",
    type: "MARKET",
    quantity: o.amount,
  };
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

/**
 * A plain market order (entry or close) on Binance USDⓈ-M through ccxt's implicit endpoint: ccxt still signs,
 * sends and maps errors, but its generic createOrder request builder and order parser are skipped. They were
 * about a tenth of the worker's CPU per order in the fan-out benchmark (docs/performance.md).
 */
export async function binanceMarketOrder(ex: Exchange, o: MarketOrder): Promise<OrderResult> {
  const fapiPrivatePostOrder = (ex as unknown as { fapiPrivatePostOrder(request: Dict): Promise<Dict> })
    .fapiPrivatePostOrder;
  const response = await fapiPrivatePostOrder.call(ex, binanceMarketOrderRequest(ex, o));
  return fromBinanceOrder(response, o);
}
