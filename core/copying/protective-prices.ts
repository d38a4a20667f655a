import type { PositionSide } from "../exchange/exchange.ts";
import { type Decimal, roundToStep } from "../platform/decimal.ts";

/** TP and SL trigger prices from the fill price and percents, on the right side of the entry for the direction. */
export function protectivePrices(input: {
  side: PositionSide;
  fillPrice: Decimal;
  tpPerc: Decimal | null;
  slPerc: Decimal | null;
  priceStep: Decimal;
}): { takeProfit: Decimal | null; stopLoss: Decimal | null } {
  const sign = input.side === "long" ? 1 : -1;
  const at = (perc: Decimal, direction: number) =>
    roundToStep(input.fillPrice.mul(perc.div(100).mul(direction).add(1)), input.priceStep);
  return {
    takeProfit: input.tpPerc?.gt(0) ? at(input.tpPerc, sign) : null,
    stopLoss: input.slPerc?.gt(0) ? at(input.slPerc, -sign) : null,
  };
}
