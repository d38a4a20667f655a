import type { OrderSide } from "../exchange/exchange.ts";
import { ceilToStep, type Decimal, type DecimalLike, dec, decOrNull, floorToStep } from "../platform/decimal.ts";
import { positiveDecimal } from "../platform/number-input.ts";

/**
 * Binance copy trading's defaults: the majors' books are deep enough for 0.3%, the rest get 0.5%. Percent of the
 * reference price.
 */
export const DEFAULT_SLIPPAGE_PERC = { major: dec("0.3"), other: dec("0.5") } as const;
const MAJORS = new Set(["BTC", "ETH"]);

/**
 * The largest cap a signal or a follower may set, in percent. Binance refuses a limit price more than its
 * PERCENT_PRICE band away from the mark (±5% on BTCUSDT, -4016): a wider cap would not loosen the entry, it
 * would get it refused. 5% is already over ten times the defaults.
 */
export const MAX_SLIPPAGE_PERC = 5;

/** A slippage cap as a signal or a follower writes it: the same words wherever it comes in. */
export const slippagePercSchema = positiveDecimal({ example: "0.5", max: MAX_SLIPPAGE_PERC });

type Maybe = DecimalLike | null | undefined;

/**
 * The slippage cap of one follower's entry, in percent; the first that is set wins:
 * 1. the subscription's own (`maxSlippagePerc`): the follower chose it over whatever the signal says;
 * 2. the signal's (`max_slippage_perc`);
 * 3. the default by the market's base asset (BTC, ETH: 0.3; anything else: 0.5).
 */
export function slippageCapPerc(input: { follower: Maybe; signal: Maybe; base: string }): Decimal {
  const own = decOrNull(input.follower);
  if (own?.gt(0)) return own;
  const signal = decOrNull(input.signal);
  if (signal?.gt(0)) return signal;
  return MAJORS.has(input.base.toUpperCase()) ? DEFAULT_SLIPPAGE_PERC.major : DEFAULT_SLIPPAGE_PERC.other;
}

/**
 * The entry's IOC limit price: the reference moved by the cap against the follower (a buy pays at most
 * reference × (1 + cap), a sell takes at least reference × (1 − cap)), then put on the market's price step on
 * the side that stays within the cap: a buy's rounded down, a sell's up.
 */
export function capLimitPrice(input: {
  side: OrderSide;
  reference: Decimal;
  capPerc: Decimal;
  priceStep: Decimal;
}): Decimal {
  const { side, reference, capPerc, priceStep } = input;
  const moved = capPerc.div(100);
  return side === "buy"
    ? floorToStep(reference.mul(moved.add(1)), priceStep)
    : ceilToStep(reference.mul(dec(1).sub(moved)), priceStep);
}

/** Why a capped entry opened nothing: the market was past the limit when the order met it. */
export function capExpiredReason(capPerc: Decimal, limit: Decimal): string {
  return `not filled within the ${capPerc.toFixed()}% slippage cap: the price moved past ${limit.toFixed()}; nothing was opened and the signal is not chased`;
}
