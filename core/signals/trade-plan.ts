import { z } from "zod";
import { dec } from "../platform/decimal.ts";
import { positiveDecimal } from "../platform/number-input.ts";

// Several take-profit targets and a trailing stop, as a signal gives them: the webhook body and a provider's
// channel message read them with these schemas, and the signal keeps them (Signal.takeProfits, Signal.trailing) in
// the shapes below, which the copying code reads back with `storedTakeProfits` / `storedTrailing`.

/**
 * At most this many targets: with the stop and the stop being moved they fit Binance's 10 open conditional orders
 * per symbol.
 */
export const MAX_TARGETS = 8;

export const TRAILING_MODES = ["breakeven", "moving_target", "percent"] as const;
export type TrailingMode = (typeof TRAILING_MODES)[number];

/** One target: a distance in percent from the fill, or an absolute price; and the share of the entry it closes. */
export type TakeProfitTarget = ({ perc: string } | { price: string }) & { sizePerc: string };

/** How the stop moves (Cornix's modes): see core/trades/stop-rules.ts. */
export interface TrailingSpec {
  mode: TrailingMode;
  /** percent: the stop trails the best price by this much. */
  distancePerc?: string;
  /** percent: trailing starts once the price has moved this much in favour from the entry (absent: at once). */
  activationPerc?: string;
}

const targetInput = z
  .object(
    {
      perc: positiveDecimal({ example: "1.5" }).optional(),
      price: positiveDecimal({ example: "68000" }).optional(),
      size_perc: positiveDecimal({ example: "50", max: 100 }),
    },
    { error: 'must be an object such as {"perc": 1.5, "size_perc": 50}' },
  )
  .transform((t, ctx): TakeProfitTarget => {
    if ((t.perc === undefined) === (t.price === undefined)) {
      ctx.addIssue({ code: "custom", message: "needs either perc or price (one of them)" });
      return z.NEVER;
    }
    return t.perc !== undefined
      ? { perc: t.perc, sizePerc: t.size_perc }
      : { price: t.price as string, sizePerc: t.size_perc };
  });

/** `take_profits`: 1 to 8 targets whose `size_perc` add up to at most 100 (the rest rides to the stop or a close). */
export const takeProfitsInput = z
  .array(targetInput, { error: "must be a list of targets" })
  .min(1, { error: "must hold at least one target" })
  .max(MAX_TARGETS, { error: `must hold at most ${MAX_TARGETS} targets` })
  .superRefine((targets, ctx) => {
    const total = targets.reduce((sum, t) => sum.add(dec(t.sizePerc)), dec(0));
    if (total.gt(100)) {
      ctx.addIssue({
        code: "custom",
        message: `size_perc must add up to at most 100 (they add up to ${total.toFixed()})`,
      });
    }
  });

/** `trailing`: {"mode": "breakeven" | "moving_target" | "percent", "distance_perc"?, "activation_perc"?}. */
export const trailingInput = z
  .object(
    {
      mode: z
        .string({ error: "is required" })
        .transform((v) => v.trim().toLowerCase())
        .pipe(z.enum(TRAILING_MODES, { error: 'must be "breakeven", "moving_target" or "percent"' })),
      // Below 100: a long's stop trails under the price, and at 100% it would sit at zero.
      distance_perc: positiveDecimal({ example: "1", max: 100, below: true }).optional(),
      activation_perc: positiveDecimal({ example: "2" }).optional(),
    },
    { error: 'must be an object such as {"mode": "percent", "distance_perc": 1}' },
  )
  .transform((t, ctx): TrailingSpec => {
    if (t.mode === "percent" && t.distance_perc === undefined) {
      ctx.addIssue({ code: "custom", path: ["distance_perc"], message: "is required for the percent mode" });
      return z.NEVER;
    }
    return {
      mode: t.mode,
      ...(t.mode === "percent" && { distancePerc: t.distance_perc }),
      ...(t.mode === "percent" && t.activation_perc !== undefined && { activationPerc: t.activation_perc }),
    };
  });

/**
 * What a target list cannot be beside the rest of the signal: given with a single take-profit too (which one would
 * win?); on a short, a percent target of 100% or more (its trigger would be at zero or below); a price target on the
 * losing side of the provider's entry price (it would close the trade at once).
 */
export function targetProblems(
  side: "long" | "short",
  targets: TakeProfitTarget[] | null | undefined,
  other: { single: { field: string; value: unknown }; entry?: { field: string; value: string | null | undefined } },
): { path: (string | number)[]; message: string }[] {
  if (!targets) return [];
  const { single, entry } = other;
  if (single.value !== undefined && single.value !== null) {
    return [{ path: ["take_profits"], message: `give either take_profits or ${single.field}, not both` }];
  }
  const long = side === "long";
  return targets.flatMap((t, i) => {
    if ("perc" in t) {
      if (long || dec(t.perc).lt(100)) return [];
      const message = "must be below 100 on a short: its target would be at a price of zero or less";
      return [{ path: ["take_profits", i, "perc"], message }];
    }
    if (!entry?.value || (long ? dec(t.price).gt(entry.value) : dec(t.price).lt(entry.value))) return [];
    const message = `must be ${long ? "above" : "below"} ${entry.field} on a ${long ? "long" : "short"}`;
    return [{ path: ["take_profits", i, "price"], message }];
  });
}

const storedTarget = z.union([
  z.object({ perc: z.string(), sizePerc: z.string() }),
  z.object({ price: z.string(), sizePerc: z.string() }),
]);
const storedTrailingSchema = z.object({
  mode: z.enum(TRAILING_MODES),
  distancePerc: z.string().optional(),
  activationPerc: z.string().optional(),
});

/** A signal's (or trade's) stored JSON, read back; anything else (null, an older shape) is "none". */
export function storedTakeProfits(json: unknown): TakeProfitTarget[] | null {
  const parsed = z.array(storedTarget).min(1).safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function storedTrailing(json: unknown): TrailingSpec | null {
  const parsed = storedTrailingSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
