import { type Decimal, type DecimalLike, dec, decOrNull } from "../platform/decimal.ts";
import { storedTakeProfits, storedTrailing, TRAILING_MODES, type TrailingSpec } from "../signals/trade-plan.ts";
import { storedTakeProfitSplit } from "../subscriptions/take-profit-split.ts";
import { type ProtectiveLevel, protectiveLevels } from "./protective-prices.ts";

type Maybe = DecimalLike | null | undefined;

/** One take-profit target of a follower's trade: where, and what share of the entry it closes. */
export interface TargetLevel {
  level: ProtectiveLevel;
  sizePerc: Decimal;
}

/**
 * The take-profit targets a follower's trade gets, first match wins (the follower's own choice replaces the
 * signal's, ladder included):
 * 1. the subscription's own split (`takeProfitSplit`): its targets, in percent from the fill;
 * 2. the subscription's percent override: one target at that distance for the whole amount;
 * 3. the signal's targets (`take_profits`);
 * 4. the signal's single take-profit (`protectiveLevels`: its price, else its percent), for the whole amount.
 */
export function takeProfitTargets(
  signal: { takeProfits?: unknown; tpPerc: Maybe; tpPrice: Maybe; slPerc: Maybe; slPrice: Maybe },
  subscription: { tpPercOverride: Maybe; slPercOverride: Maybe; takeProfitSplit?: unknown },
): TargetLevel[] {
  const split = storedTakeProfitSplit(subscription.takeProfitSplit);
  if (split) return split.map((t) => ({ level: { perc: dec(t.perc) }, sizePerc: dec(t.sizePerc) }));
  const own = decOrNull(subscription.tpPercOverride);
  const ladder = storedTakeProfits(signal.takeProfits);
  if (!own?.gt(0) && ladder) {
    return ladder.map((t) => ({
      level: "perc" in t ? { perc: dec(t.perc) } : { price: dec(t.price) },
      sizePerc: dec(t.sizePerc),
    }));
  }
  const single = protectiveLevels(signal, subscription).takeProfit;
  return single ? [{ level: single, sizePerc: dec(100) }] : [];
}

/**
 * How the trade's stop moves: the follower's choice ("off", or a mode of their own, percent with their own
 * distance) over the signal's; null: it stays where it is placed.
 */
export function tradeTrailing(
  signal: { trailing?: unknown },
  subscription: { trailingMode?: string | null; trailingDistancePerc?: Maybe; trailingActivationPerc?: Maybe },
): TrailingSpec | null {
  const own = subscription.trailingMode;
  if (own === "off") return null;
  const mode = TRAILING_MODES.find((m) => m === own);
  if (!mode) return storedTrailing(signal.trailing);
  if (mode !== "percent") return { mode };
  const distance = decOrNull(subscription.trailingDistancePerc);
  // Settings refuse percent without a distance; a row that has none anyway follows the signal.
  if (!distance?.gt(0)) return storedTrailing(signal.trailing);
  const activation = decOrNull(subscription.trailingActivationPerc);
  return {
    mode,
    distancePerc: distance.toString(),
    ...(activation?.gt(0) && { activationPerc: activation.toString() }),
  };
}
