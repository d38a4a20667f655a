import { Decimal } from "decimal.js";

// Money never passes through JS floats. Prisma's Decimal and ccxt's numbers are converted here.
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

export { Decimal };

export type DecimalLike = Decimal | string | number | { toString(): string };

export function dec(value: DecimalLike): Decimal {
  return value instanceof Decimal ? value : new Decimal(value.toString());
}

export function decOrNull(value: DecimalLike | null | undefined): Decimal | null {
  return value === null || value === undefined ? null : dec(value);
}

/** Rounds down to a multiple of `step` (never sizes up a follower's order). */
export function floorToStep(value: Decimal, step: Decimal): Decimal {
  if (step.lte(0)) return value;
  return value.div(step).floor().mul(step);
}

/** Rounds up to a multiple of `step`. */
export function ceilToStep(value: Decimal, step: Decimal): Decimal {
  if (step.lte(0)) return value;
  return value.div(step).ceil().mul(step);
}

/** Rounds to the nearest multiple of `step`. */
export function roundToStep(value: Decimal, step: Decimal): Decimal {
  if (step.lte(0)) return value;
  return value.div(step).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(step);
}
