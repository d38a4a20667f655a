import type { MarketInterface, Num } from "ccxt";
import { Decimal, dec } from "../platform/decimal.ts";
import type { MarketInfo } from "./exchange.ts";

// ccxt precision modes (ccxt's DECIMAL_PLACES / TICK_SIZE constants).
const DECIMAL_PLACES = 2;
const TICK_SIZE = 4;

/** ccxt's float, as a decimal parsed from its shortest string form (never through float arithmetic). */
export function decOf(value: Num): Decimal | undefined {
  return value === undefined || value === null || !Number.isFinite(value) ? undefined : dec(String(value));
}

/** A step (0.001) whatever the venue's precision mode: TICK_SIZE gives the step, DECIMAL_PLACES a digit count. */
export function stepOf(precision: Num, precisionMode: number): Decimal {
  const value = decOf(precision);
  if (value === undefined) return new Decimal(0);
  if (precisionMode === DECIMAL_PLACES) return new Decimal(10).pow(value.neg());
  if (precisionMode === TICK_SIZE) return value;
  throw new Error(`unsupported ccxt precision mode ${precisionMode}`);
}

export function toMarketInfo(m: MarketInterface, precisionMode: number): MarketInfo {
  const maxLeverage = m.limits.leverage?.max;
  return {
    symbol: m.symbol,
    base: m.base,
    quote: m.quote,
    amountStep: stepOf(m.precision.amount, precisionMode),
    priceStep: stepOf(m.precision.price, precisionMode),
    minAmount: decOf(m.limits.amount?.min),
    minNotional: decOf(m.limits.cost?.min),
    maxLeverage: typeof maxLeverage === "number" && Number.isFinite(maxLeverage) ? maxLeverage : undefined,
  };
}
