import type { Order } from "ccxt";
import { Decimal } from "../platform/decimal.ts";
import type { OrderResult, OrderSide, OrderStatus } from "./exchange.ts";
import { decOf } from "./map-ccxt-market.ts";

/** What we asked for, used only where the venue's answer leaves a field out (Bybit acks carry ids only). */
export interface OrderFallback {
  symbol: string;
  side?: OrderSide;
  clientOrderId: string;
}

export function toOrderStatus(status: string | undefined): OrderStatus {
  switch (status) {
    case "closed":
      return "filled";
    case "canceled":
    case "cancelled":
    // Expired (e.g. a reduce-only remainder): whatever filled is reported in filledAmount.
    case "expired":
      return "canceled";
    case "rejected":
      return "rejected";
    default:
      return "open";
  }
}

export function toOrderResult(o: Order, fallback: OrderFallback): OrderResult {
  const side = o.side === "buy" || o.side === "sell" ? o.side : fallback.side;
  if (!side) throw new Error(`order ${o.id ?? fallback.clientOrderId} has no side`);
  const average = decOf(o.average);
  // Binance's algo orders name the order they became when triggered.
  const actual = (o.info as Record<string, unknown> | undefined)?.actualOrderId;
  return {
    exchangeOrderId: String(o.id ?? ""),
    clientOrderId: o.clientOrderId ?? fallback.clientOrderId,
    symbol: o.symbol ?? fallback.symbol,
    side,
    status: toOrderStatus(o.status ?? undefined),
    filledAmount: decOf(o.filled) ?? new Decimal(0),
    avgPrice: average?.gt(0) ? average : undefined,
    ...(actual !== undefined && actual !== null && actual !== "" && { triggeredOrderId: String(actual) }),
  };
}
