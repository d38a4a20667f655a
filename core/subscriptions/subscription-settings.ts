import { z } from "zod";
import { slippagePercSchema } from "../copying/slippage-cap.ts";
import { positiveDecimal, wholeNumber } from "../platform/number-input.ts";

/** The sizing value of each mode; the admin API may leave a risk value out, the chat always asks for one. */
export const sizingValueSchemas = {
  risk: positiveDecimal({ example: "2", max: 100 }),
  fixed: positiveDecimal({ example: "250" }),
  multiplier: positiveDecimal({ example: "0.5", max: 100 }),
} as const;

// What a follower may set on a subscription, validated the same way wherever it comes from (chat, admin API):
// numbers or numeric strings in, decimals out as strings. An override applies to longs and shorts alike, and
// a distance of 100% or more on the losing side would put the trigger at zero or below: hence below 100.
export const settingSchemas = {
  sizing: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("risk"), value: sizingValueSchemas.risk }),
    z.object({ mode: z.literal("fixed"), value: sizingValueSchemas.fixed }),
    z.object({ mode: z.literal("multiplier"), value: sizingValueSchemas.multiplier }),
  ]),
  maxLeverage: wholeNumber({ min: 1, max: 125 }),
  tpPerc: positiveDecimal({ example: "2", max: 100, below: true }),
  slPerc: positiveDecimal({ example: "1", max: 100, below: true }),
  maxOpenPositions: wholeNumber({ min: 1, max: 100 }),
  // The entry's slippage cap, over the signal's and the default (core/copying/slippage-cap.ts).
  maxSlippagePerc: slippagePercSchema,
} as const;
