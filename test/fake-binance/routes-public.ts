import { binanceErrors } from "./binance-error.ts";
import type { Route, RouteContext } from "./route.ts";
import type { FakeBinanceState } from "./state.ts";
import { exchangeInfoSymbol } from "./symbols.ts";

function priceTicker(state: FakeBinanceState, symbol: string, now: number) {
  return { symbol, price: state.price(symbol).toFixed(), time: now };
}

function ticker24hr(state: FakeBinanceState, symbol: string, now: number) {
  const last = state.price(symbol).toFixed();
  return {
    symbol,
    priceChange: "0",
    priceChangePercent: "0",
    weightedAvgPrice: last,
    lastPrice: last,
    lastQty: "0",
    openPrice: last,
    highPrice: last,
    lowPrice: last,
    volume: "0",
    quoteVolume: "0",
    openTime: now - 86_400_000,
    closeTime: now,
    firstId: 0,
    lastId: 0,
    count: 0,
  };
}

/** Either one symbol's entry or all of them, as Binance's ticker endpoints do. */
function perSymbol<T>(ctx: RouteContext, one: (state: FakeBinanceState, symbol: string, now: number) => T): T | T[] {
  const symbol = ctx.params.symbol;
  if (symbol !== undefined) {
    if (!ctx.state.symbols.has(symbol)) throw binanceErrors.badSymbol();
    return one(ctx.state, symbol, ctx.now);
  }
  return [...ctx.state.symbols.keys()].map((s) => one(ctx.state, s, ctx.now));
}

export const publicRoutes: Record<string, Route> = {
  "GET /fapi/v1/ping": { signed: false, handle: () => ({}) },
  "GET /fapi/v1/time": { signed: false, handle: (ctx) => ({ serverTime: ctx.now }) },
  "GET /fapi/v1/exchangeInfo": {
    signed: false,
    handle: (ctx) => ({
      timezone: "UTC",
      serverTime: ctx.now,
      futuresType: "U_MARGINED",
      rateLimits: [
        // Binance's real limit unless the fake enforces another (request-weight.ts).
        {
          rateLimitType: "REQUEST_WEIGHT",
          interval: "MINUTE",
          intervalNum: 1,
          limit: ctx.state.weight.options().limitPerMinute ?? 2400,
        },
        { rateLimitType: "ORDERS", interval: "MINUTE", intervalNum: 1, limit: 1200 },
        { rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 300 },
      ],
      exchangeFilters: [],
      assets: [{ asset: "USDT", marginAvailable: true, autoAssetExchange: "-10000" }],
      symbols: [...ctx.state.symbols.values()].map(exchangeInfoSymbol),
    }),
  },
  "GET /fapi/v1/ticker/price": { signed: false, handle: (ctx) => perSymbol(ctx, priceTicker) },
  "GET /fapi/v2/ticker/price": { signed: false, handle: (ctx) => perSymbol(ctx, priceTicker) },
  "GET /fapi/v1/ticker/24hr": { signed: false, handle: (ctx) => perSymbol(ctx, ticker24hr) },
  "GET /fapi/v1/premiumIndex": {
    signed: false,
    handle: (ctx) =>
      perSymbol(ctx, (state, symbol, now) => ({
        symbol,
        markPrice: state.price(symbol).toFixed(8),
        indexPrice: state.price(symbol).toFixed(8),
        estimatedSettlePrice: state.price(symbol).toFixed(8),
        lastFundingRate: "0.00010000",
        interestRate: "0.00010000",
        nextFundingTime: now + 3_600_000,
        time: now,
      })),
  },
};
