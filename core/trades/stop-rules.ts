import type { PositionSide } from "../exchange/exchange.ts";
import { type Decimal, dec, floorToStep } from "../platform/decimal.ts";
import type { TrailingSpec } from "../signals/trade-plan.ts";

// Where a trade's stop goes, as pure rules (Cornix's modes). A stop only ever moves tighter: up for a long, down
// for a short. The code that moves orders is move-stop.ts.

/** A percent trailing stop moves only when that gains at least this fraction of its distance: fewer replacements. */
export const TRAIL_MIN_MOVE_FRACTION = dec("0.1");

/** Whether `candidate` is strictly tighter than `current` (any level is tighter than none). */
export function isTighter(side: PositionSide, candidate: Decimal, current: Decimal | null): boolean {
  if (!current) return true;
  return side === "long" ? candidate.gt(current) : candidate.lt(current);
}

/** The tighter of two levels; null only when both are. */
export function tighterOf(side: PositionSide, a: Decimal | null, b: Decimal | null): Decimal | null {
  if (!a) return b;
  if (!b) return a;
  return isTighter(side, a, b) ? a : b;
}

/**
 * The stop once targets have filled, by mode: `breakeven` moves it to the entry when the first target fills;
 * `moving_target` to the entry on the first, then to the previous target each time another fills. `filled` are
 * the filled targets' levels, nearest first. Null: the mode has nothing to say (the stop stays where it is).
 */
export function stopAfterTargets(input: {
  mode: TrailingSpec["mode"] | undefined;
  entryPrice: Decimal;
  filled: readonly Decimal[];
}): Decimal | null {
  const n = input.filled.length;
  if (n === 0) return null;
  if (input.mode === "breakeven") return input.entryPrice;
  if (input.mode === "moving_target") return n === 1 ? input.entryPrice : (input.filled[n - 2] ?? null);
  return null;
}

/**
 * A percent trailing stop: `distancePerc` behind the mark, once the mark has moved `activationPerc` in favour from
 * the entry (at once without one). Null unless that is tighter than `current` by a tenth of the distance at least
 * (TRAIL_MIN_MOVE_FRACTION), so a slowly rising price does not replace the stop on every look.
 */
export function trailingStop(input: {
  side: PositionSide;
  entryPrice: Decimal;
  mark: Decimal;
  distancePerc: Decimal;
  activationPerc: Decimal | null;
  current: Decimal | null;
  priceStep: Decimal;
}): Decimal | null {
  const { side, entryPrice, mark, current, priceStep } = input;
  const long = side === "long";
  const activation = input.activationPerc ?? dec(0);
  const activeFrom = entryPrice.mul(dec(1).add(activation.div(long ? 100 : -100)));
  if (long ? mark.lt(activeFrom) : mark.gt(activeFrom)) return null;
  const gap = mark.mul(input.distancePerc).div(100);
  // Rounded away from the mark: never closer to it than asked.
  const candidate = long ? floorToStep(mark.sub(gap), priceStep) : ceilTo(mark.add(gap), priceStep);
  if (!candidate.gt(0) || !isTighter(side, candidate, current)) return null;
  if (current && candidate.sub(current).abs().lt(gap.mul(TRAIL_MIN_MOVE_FRACTION))) return null;
  return candidate;
}

function ceilTo(value: Decimal, step: Decimal): Decimal {
  return step.lte(0) ? value : value.div(step).ceil().mul(step);
}
