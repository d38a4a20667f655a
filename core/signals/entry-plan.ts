import { z } from "zod";
import { dec } from "../platform/decimal.ts";
import { positiveDecimal, wholeNumber } from "../platform/number-input.ts";

// How a signal's position is built, beyond one market entry: an entry zone (resting limit orders, Cornix's "entry
// targets") and DCA safety orders (limit orders adding to the position at steps against it). The webhook body and a
// provider's channel message read them with these schemas; the signal keeps them (Signal.entries, Signal.dca) in
// the shapes below, read back with `storedEntries` / `storedDca`.

/** At most this many zone entries: with the targets and the stop they stay within a venue's open-order limits. */
export const MAX_ENTRIES = 5;
/** At most this many safety orders. */
export const MAX_DCA_ORDERS = 5;
/** An entry zone waits this long for its fills unless the signal says otherwise (`entry_expiry_sec`). */
export const DEFAULT_ENTRY_EXPIRY_SEC = 3600;
/** At most a week: a resting order nobody remembers is a risk of its own. */
export const MAX_ENTRY_EXPIRY_SEC = 7 * 24 * 3600;

/** One limit entry of a zone: its price and the share of the trade's amount it buys (or sells). */
export interface ZoneEntry {
  price: string;
  sizePerc: string;
}

/**
 * Safety orders: `orders` limit orders, the k-th at k × `stepPerc` against the entry's fill, the first for the
 * entry's own amount and each next one `volumeScale` times the one before (3Commas' martingale volume scale).
 */
export interface DcaSpec {
  orders: number;
  stepPerc: string;
  volumeScale: string;
}

const entryInput = z
  .object(
    {
      price: positiveDecimal({ example: "64000" }),
      size_perc: positiveDecimal({ example: "50", max: 100 }),
    },
    { error: 'must be an object such as {"price": 64000, "size_perc": 50}' },
  )
  .transform((e): ZoneEntry => ({ price: e.price, sizePerc: e.size_perc }));

/** `entries`: 1 to 5 limit entries whose `size_perc` add up to exactly 100 (the zone is the whole trade). */
export const entriesInput = z
  .array(entryInput, { error: "must be a list of entries" })
  .min(1, { error: "must hold at least one entry" })
  .max(MAX_ENTRIES, { error: `must hold at most ${MAX_ENTRIES} entries` })
  .superRefine((entries, ctx) => {
    const total = entries.reduce((sum, e) => sum.add(dec(e.sizePerc)), dec(0));
    if (!total.eq(100)) {
      ctx.addIssue({ code: "custom", message: `size_perc must add up to 100 (they add up to ${total.toFixed()})` });
    }
  });

export const entryExpiryInput = wholeNumber({
  min: 10,
  max: MAX_ENTRY_EXPIRY_SEC,
  error: `must be a whole number of seconds from 10 to ${MAX_ENTRY_EXPIRY_SEC}`,
});

/** `dca`: {"orders": 1–5, "step_perc": >0 and below 100, "volume_scale": 0.1–10 (default 1)}. */
export const dcaInput = z
  .object(
    {
      orders: wholeNumber({ min: 1, max: MAX_DCA_ORDERS, error: `must be a whole number from 1 to ${MAX_DCA_ORDERS}` }),
      step_perc: positiveDecimal({ example: "2", max: 100, below: true }),
      volume_scale: positiveDecimal({ example: "1.5", max: 10 }).optional(),
    },
    { error: 'must be an object such as {"orders": 3, "step_perc": 2, "volume_scale": 1.5}' },
  )
  .transform((d, ctx): DcaSpec => {
    if (d.volume_scale !== undefined && dec(d.volume_scale).lt("0.1")) {
      ctx.addIssue({ code: "custom", path: ["volume_scale"], message: "must be at least 0.1" });
      return z.NEVER;
    }
    // A long's k-th order sits k × step below the fill: the last must stay above zero.
    if (dec(d.step_perc).mul(d.orders).gte(100)) {
      ctx.addIssue({
        code: "custom",
        path: ["step_perc"],
        message: `times orders must stay below 100 (the last order would be at a price of zero or less)`,
      });
      return z.NEVER;
    }
    return { orders: d.orders, stepPerc: d.step_perc, volumeScale: d.volume_scale ?? "1" };
  });

/**
 * What an entry zone cannot be beside the rest of the signal: with DCA too (both build the position; which first?),
 * or with an absolute stop or target on the wrong side of one of its prices (the stop between two entries would
 * close the trade while it is still being entered).
 */
export function entryProblems(
  side: "long" | "short",
  plan: { entries?: ZoneEntry[] | null; dca?: DcaSpec | null; slPrice?: string | null; tpPrice?: string | null },
  fields: { sl: string; tp: string },
): { path: (string | number)[]; message: string }[] {
  const { entries } = plan;
  if (!entries) return [];
  if (plan.dca) return [{ path: ["dca"], message: "give either entries or dca, not both" }];
  const long = side === "long";
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [i, e] of entries.entries()) {
    const price = dec(e.price);
    if (plan.slPrice && (long ? price.lte(plan.slPrice) : price.gte(plan.slPrice))) {
      const message = `must be ${long ? "above" : "below"} ${fields.sl} on a ${side}`;
      problems.push({ path: ["entries", i, "price"], message });
    }
    if (plan.tpPrice && (long ? price.gte(plan.tpPrice) : price.lte(plan.tpPrice))) {
      const message = `must be ${long ? "below" : "above"} ${fields.tp} on a ${side}`;
      problems.push({ path: ["entries", i, "price"], message });
    }
  }
  return problems;
}

const storedEntry = z.object({ price: z.string(), sizePerc: z.string() });
const storedDcaSchema = z.object({ orders: z.number().int(), stepPerc: z.string(), volumeScale: z.string() });

/** A signal's stored JSON, read back; anything else (null, an older shape) is "none". */
export function storedEntries(json: unknown): ZoneEntry[] | null {
  const parsed = z.array(storedEntry).min(1).safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function storedDca(json: unknown): DcaSpec | null {
  const parsed = storedDcaSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
