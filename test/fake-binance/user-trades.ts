import type { Decimal } from "../../core/platform/decimal.ts";
import type { FakeAccount, FakeBinanceState, FakeOrder, PositionSide, Side } from "./state.ts";

// Every fill is a trade of the account (GET /fapi/v1/userTrades): market fills, triggered TP/SL, liquidations,
// resting limits and the user's own orders alike. Taker, except a resting LIMIT's fill: the price came to it.

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
  maker: boolean;
  time: number;
}

export function recordTrade(
  state: FakeBinanceState,
  account: FakeAccount,
  order: FakeOrder,
  fill: { qty: Decimal; price: Decimal; realizedPnl: Decimal; commission: Decimal; maker: boolean },
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
    maker: t.maker,
  };
}
