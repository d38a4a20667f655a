import { type RouteTable, str } from "./bybit-route.ts";
import type { BybitInstrument } from "./bybit-state.ts";

// Server time, instruments and tickers. The ticker's lastPrice and markPrice are the ones the test sets
// (FakeBybit.setPrice / setMarkPrice); the index follows the mark.

function ticker(i: BybitInstrument): Record<string, unknown> {
  const last = i.price.toFixed();
  const mark = i.markPrice.toFixed();
  return {
    symbol: i.symbol,
    lastPrice: last,
    markPrice: mark,
    indexPrice: mark,
    prevPrice24h: last,
    price24hPcnt: "0",
    highPrice24h: last,
    lowPrice24h: last,
    bid1Price: last,
    ask1Price: last,
    volume24h: "0",
    turnover24h: "0",
    fundingRate: "0.0001",
    nextFundingTime: "0",
  };
}

export const publicRoutes: RouteTable = {
  "GET /v5/market/time": {
    signed: false,
    handle: () => ({ timeSecond: String(Math.floor(Date.now() / 1000)), timeNano: String(Date.now() * 1e6) }),
  },
  "GET /v5/market/instruments-info": {
    signed: false,
    handle: (state, _a, p) => ({
      category: "linear",
      nextPageCursor: "",
      list:
        p.status === "PreLaunch"
          ? []
          : [...state.instruments.values()].map((i) => ({
              symbol: i.symbol,
              contractType: "LinearPerpetual",
              status: "Trading",
              baseCoin: i.base,
              quoteCoin: "USDT",
              settleCoin: "USDT",
              launchTime: "1585526400000",
              deliveryTime: "0",
              priceScale: "2",
              leverageFilter: { minLeverage: "1", maxLeverage: i.maxLeverage, leverageStep: "0.01" },
              priceFilter: { minPrice: i.tickSize, maxPrice: "1999999.80", tickSize: i.tickSize },
              lotSizeFilter: {
                maxOrderQty: "1190.000",
                minOrderQty: i.qtyStep,
                qtyStep: i.qtyStep,
                minNotionalValue: i.minNotional,
              },
              unifiedMarginTrade: true,
              fundingInterval: 480,
              copyTrading: "both",
            })),
    }),
  },
  "GET /v5/market/tickers": {
    signed: false,
    handle: (state, _a, p) => {
      const symbol = str(p.symbol);
      const list = symbol ? [state.instrument(symbol)] : [...state.instruments.values()];
      return { category: "linear", list: list.map(ticker) };
    },
  },
};
