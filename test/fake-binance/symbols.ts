import { Decimal } from "../../core/platform/decimal.ts";

// Filters copied in shape (and roughly in value) from the live fapi exchangeInfo, so ccxt's parseMarket
// derives the same precision and limits it would in production.
export interface SymbolSpec {
  symbol: string;
  base: string;
  quote: string;
  tickSize: Decimal;
  stepSize: Decimal;
  minQty: Decimal;
  maxQty: Decimal;
  marketMaxQty: Decimal;
  minNotional: Decimal;
  pricePrecision: number;
  quantityPrecision: number;
  maxLeverage: number;
  defaultLeverage: number;
  initialPrice: Decimal;
  /** MAX_NUM_ORDERS filter: open orders per symbol and account. Default 200. */
  maxNumOrders?: number;
  /** MAX_NUM_ALGO_ORDERS filter: open conditional orders per symbol and account. Default 10. */
  maxNumAlgoOrders?: number;
}

export const DEFAULT_MAX_NUM_ORDERS = 200;
export const DEFAULT_MAX_NUM_ALGO_ORDERS = 10;

function spec(s: {
  symbol: string;
  base: string;
  tickSize: string;
  stepSize: string;
  maxQty: string;
  marketMaxQty: string;
  minNotional: string;
  maxLeverage: number;
  price: string;
}): SymbolSpec {
  const tick = new Decimal(s.tickSize);
  const step = new Decimal(s.stepSize);
  return {
    symbol: s.symbol,
    base: s.base,
    quote: "USDT",
    tickSize: tick,
    stepSize: step,
    minQty: step,
    maxQty: new Decimal(s.maxQty),
    marketMaxQty: new Decimal(s.marketMaxQty),
    minNotional: new Decimal(s.minNotional),
    pricePrecision: tick.decimalPlaces(),
    quantityPrecision: step.decimalPlaces(),
    maxLeverage: s.maxLeverage,
    defaultLeverage: 20,
    initialPrice: new Decimal(s.price),
  };
}

export const defaultSymbols: SymbolSpec[] = [
  spec({
    symbol: "BTCUSDT",
    base: "BTC",
    tickSize: "0.10",
    stepSize: "0.001",
    maxQty: "1000",
    marketMaxQty: "120",
    minNotional: "100",
    maxLeverage: 125,
    price: "60000",
  }),
  spec({
    symbol: "ETHUSDT",
    base: "ETH",
    tickSize: "0.01",
    stepSize: "0.001",
    maxQty: "10000",
    marketMaxQty: "2000",
    minNotional: "20",
    maxLeverage: 100,
    price: "3000",
  }),
  spec({
    symbol: "SOLUSDT",
    base: "SOL",
    tickSize: "0.0100",
    stepSize: "1",
    maxQty: "1000000",
    marketMaxQty: "5000",
    minNotional: "5",
    maxLeverage: 75,
    price: "150",
  }),
];

export function exchangeInfoSymbol(s: SymbolSpec): Record<string, unknown> {
  return {
    symbol: s.symbol,
    pair: s.symbol,
    contractType: "PERPETUAL",
    deliveryDate: 4133404800000,
    onboardDate: 1569398400000,
    status: "TRADING",
    maintMarginPercent: "2.5000",
    requiredMarginPercent: "5.0000",
    baseAsset: s.base,
    quoteAsset: s.quote,
    marginAsset: s.quote,
    pricePrecision: s.pricePrecision,
    quantityPrecision: s.quantityPrecision,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: "COIN",
    underlyingSubType: [],
    triggerProtect: "0.0500",
    liquidationFee: "0.012500",
    marketTakeBound: "0.05",
    maxMoveOrderLimit: 10000,
    filters: [
      {
        filterType: "PRICE_FILTER",
        minPrice: s.tickSize.toFixed(),
        maxPrice: "4529764",
        tickSize: s.tickSize.toFixed(),
      },
      {
        filterType: "LOT_SIZE",
        stepSize: s.stepSize.toFixed(),
        maxQty: s.maxQty.toFixed(),
        minQty: s.minQty.toFixed(),
      },
      {
        filterType: "MARKET_LOT_SIZE",
        stepSize: s.stepSize.toFixed(),
        maxQty: s.marketMaxQty.toFixed(),
        minQty: s.minQty.toFixed(),
      },
      { filterType: "MAX_NUM_ORDERS", limit: s.maxNumOrders ?? DEFAULT_MAX_NUM_ORDERS },
      { filterType: "MAX_NUM_ALGO_ORDERS", limit: s.maxNumAlgoOrders ?? DEFAULT_MAX_NUM_ALGO_ORDERS },
      { filterType: "MIN_NOTIONAL", notional: s.minNotional.toFixed() },
      { filterType: "PERCENT_PRICE", multiplierUp: "1.0500", multiplierDown: "0.9500", multiplierDecimal: "4" },
    ],
    orderTypes: ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"],
    timeInForce: ["GTC", "IOC", "FOK", "GTX", "GTD"],
    permissionSets: ["GRID", "COPY"],
  };
}

/** COIN1USDT … COIN<n>USDT, priced 100: as many markets as a benchmark's accounts hold positions in. */
export function extraSymbols(n: number): SymbolSpec[] {
  return Array.from({ length: n }, (_, i) =>
    spec({
      symbol: `COIN${i + 1}USDT`,
      base: `COIN${i + 1}`,
      tickSize: "0.01",
      stepSize: "0.01",
      maxQty: "100000",
      marketMaxQty: "10000",
      minNotional: "5",
      maxLeverage: 50,
      price: "100",
    }),
  );
}
