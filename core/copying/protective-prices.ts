import type { PositionSide } from "../exchange/exchange.ts";
import { type Decimal, type DecimalLike, decOrNull, roundToStep } from "../platform/decimal.ts";

/** A take-profit or stop-loss as the signal or the follower gave it: a price, or a distance from the fill. */
export type ProtectiveLevel = { price: Decimal } | { perc: Decimal };

type Maybe = DecimalLike | null | undefined;

/**
 * The TP and the SL a follower's trade gets, each decided on its own, first match wins:
 * 1. the subscription's percent override (`tpPercOverride`/`slPercOverride`): the follower chose it over
 *    whatever the signal says ("or 'off' to use the signal's");
 * 2. the signal's absolute level (`tpPrice`/`slPrice`, a provider's price);
 * 3. the signal's percent (`tpPerc`/`slPerc`), from the fill.
 * None of them: no order for that leg.
 */
export function protectiveLevels(
  signal: { tpPerc: Maybe; slPerc: Maybe; tpPrice: Maybe; slPrice: Maybe },
  subscription: { tpPercOverride: Maybe; slPercOverride: Maybe },
): { takeProfit: ProtectiveLevel | null; stopLoss: ProtectiveLevel | null } {
  const pick = (override: Maybe, price: Maybe, perc: Maybe): ProtectiveLevel | null => {
    const own = decOrNull(override);
    if (own?.gt(0)) return { perc: own };
    const level = decOrNull(price);
    if (level?.gt(0)) return { price: level };
    const distance = decOrNull(perc);
    return distance?.gt(0) ? { perc: distance } : null;
  };
  return {
    takeProfit: pick(subscription.tpPercOverride, signal.tpPrice, signal.tpPerc),
    stopLoss: pick(subscription.slPercOverride, signal.slPrice, signal.slPerc),
  };
}

/**
 * TP and SL trigger prices, rounded to the market's price step: a percent is measured from the fill price on
 * the right side for the direction; an absolute level is taken as it is (see `crossedLevel` for one that is
 * on the wrong side of the price).
 */
export function protectivePrices(input: {
  side: PositionSide;
  fillPrice: Decimal;
  takeProfit: ProtectiveLevel | null;
  stopLoss: ProtectiveLevel | null;
  priceStep: Decimal;
}): { takeProfit: Decimal | null; stopLoss: Decimal | null } {
  const sign = input.side === "long" ? 1 : -1;
  const at = (level: ProtectiveLevel | null, direction: number): Decimal | null => {
    if (!level) return null;
    const raw = "price" in level ? level.price : input.fillPrice.mul(level.perc.div(100).mul(direction).add(1));
    const price = roundToStep(raw, input.priceStep);
    return price.gt(0) ? price : null;
  };
  return { takeProfit: at(input.takeProfit, sign), stopLoss: at(input.stopLoss, -sign) };
}

/**
 * The absolute level the price has already reached or passed, if any: a long's TP at or below it, its SL at or
 * above it (a short's the other way round). Such an order would trigger at once. Only levels given as prices
 * are looked at: a percent is measured from the fill, so it is on the right side by construction (and where
 * rounding says otherwise, the exchange's WOULD_TRIGGER decides, as before).
 */
export function crossedLevel(input: {
  side: PositionSide;
  price: Decimal;
  levels: { takeProfit: ProtectiveLevel | null; stopLoss: ProtectiveLevel | null };
  /** `protectivePrices` of those levels. */
  prices: { takeProfit: Decimal | null; stopLoss: Decimal | null };
}): { kind: "take_profit" | "stop_loss"; level: Decimal } | null {
  const long = input.side === "long";
  const { price, levels, prices } = input;
  const tp = levels.takeProfit && "price" in levels.takeProfit ? prices.takeProfit : null;
  const sl = levels.stopLoss && "price" in levels.stopLoss ? prices.stopLoss : null;
  if (tp && (long ? tp.lte(price) : tp.gte(price))) return { kind: "take_profit", level: tp };
  if (sl && (long ? sl.gte(price) : sl.lte(price))) return { kind: "stop_loss", level: sl };
  return null;
}
