import type { Decimal } from "../../core/platform/decimal.ts";
import type { FakeAccount, FakeBinanceState, FakeOrder, PositionSide, Side } from "./state.ts";

// Every fill is a trade of the account (GET /fapi/v1/userTrades): market fills, triggered TP/SL, liquidations
// and the user's own orders alike. Always taker: the fake has no book for anyone to rest in.

export interface FakeTrade {
  id: number;
  orderId: number;
  symbol: string;
  side: Side;
  positionSide: PositionSide;
  price: Decimal;
  qty: Decimal;
  realizedPnl: Decimal;
  commission: Decimal;
  time: number;
}

export function recordTrade(
  state: FakeBinanceState,
  account: FakeAccount,
  order: FakeOrder,
  fill: { qty: Decimal; price: Decimal; realizedPnl: Decimal; commission: Decimal },
  now: number,
): FakeTrade {
  const trade: FakeTrade = {
    id: state.newTradeId(),
    orderId: order.orderId,
    symbol: order.symbol,
    side: order.side,
    positionSide: order.positionSide,
    ...fill,
    time: now,
  };
  account.trades.push(trade);
  return trade;
}

export function tradeJson(state: FakeBinanceState, t: FakeTrade): Record<string, unknown> {
  const spec = state.symbols.get(t.symbol);
  return {
    symbol: t.symbol,
    id: t.id,
    orderId: t.orderId,
    side: t.side,
    price: t.price.toFixed(spec?.pricePrecision ?? 8),
    qty: t.qty.toFixed(spec?.quantityPrecision ?? 8),
    realizedPnl: t.realizedPnl.toFixed(8),
    quoteQty: t.price.mul(t.qty).toFixed(8),
    commission: t.commission.toFixed(8),
    commissionAsset: "USDT",
    time: t.time,
    positionSide: t.positionSide,
    buyer: t.side === "BUY",
    maker: false,
  };
}
