import type { MarketInfo } from "../exchange/exchange.ts";
import { Decimal, floorToStep } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";

export type SizingMode = "risk" | "fixed" | "multiplier";

export interface SizeOrderInput {
  mode: SizingMode;
  /** risk: percent of free balance as margin; fixed: order notional in quote; multiplier: times the signal's qty. */
  value: Decimal | null;
  signalRiskPerc: Decimal | null;
  signalQty: Decimal | null;
  freeBalance: Decimal;
  price: Decimal;
  leverage: number;
  market: MarketInfo;
}

/** The follower's order amount in base units, rounded down to the market's step and checked against its minimums. */
export function sizeOrder(input: SizeOrderInput): Decimal {
  const raw = rawAmount(input);
  const amount = floorToStep(raw, input.market.amountStep);
  const notional = amount.mul(input.price);
  const { minAmount, minNotional, quote } = input.market;
  if (amount.lte(0) || (minAmount && amount.lt(minAmount))) {
    throw new AppError(
      "BELOW_MINIMUM",
      `order size ${raw.toSignificantDigits(6)} is below the market's minimum amount ${minAmount ?? input.market.amountStep}`,
    );
  }
  if (minNotional && notional.lt(minNotional)) {
    throw new AppError(
      "BELOW_MINIMUM",
      `order value ${notional.toFixed(2)} ${quote} is below the market's minimum of ${minNotional} ${quote}`,
    );
  }
  return amount;
}

function rawAmount(input: SizeOrderInput): Decimal {
  switch (input.mode) {
    case "risk": {
      const percent = input.value ?? input.signalRiskPerc;
      if (!percent) throw new AppError("BAD_REQUEST", "risk sizing needs a percent: set one or send risk_perc");
      const margin = input.freeBalance.mul(percent).div(100);
      return margin.mul(input.leverage).div(input.price);
    }
    case "fixed": {
      if (!input.value) throw new AppError("BAD_REQUEST", "fixed sizing needs a quote amount");
      return input.value.div(input.price);
    }
    case "multiplier": {
      if (!input.signalQty) throw new AppError("BAD_REQUEST", 'multiplier sizing needs "qty" in the signal');
      return input.signalQty.mul(input.value ?? new Decimal(1));
    }
  }
}
