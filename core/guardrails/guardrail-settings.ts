import { z } from "zod";
import { positiveDecimal } from "../platform/number-input.ts";

/** The two limits, by the name they have everywhere (the account's column, the admin API's field). */
export type GuardrailField = "dailyLossLimitPerc" | "dailyProfitLockPerc";
export const GUARDRAIL_FIELDS = ["dailyLossLimitPerc", "dailyProfitLockPerc"] as const satisfies GuardrailField[];

// null or "off" turns a limit off; anything else must be a positive percent in plain notation. The chat transports
// first take the follower's own word for "off" (settings-off-words), then hand the text here.
const percentOrOff = (opts: { example: string; max?: number }) =>
  z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim().toLowerCase() === "off") ? null : v),
    positiveDecimal(opts).nullable(),
  );

/**
 * What a follower may set on an account, validated the same way wherever it comes from (admin API, Telegram,
 * Discord): a decimal string, or null for off. A loss of more than 100% of the day's equity cannot happen, so the
 * loss limit stops there; a gain has no such ceiling.
 */
export const guardrailSchemas = {
  dailyLossLimitPerc: percentOrOff({ example: "5", max: 100 }),
  dailyProfitLockPerc: percentOrOff({ example: "10" }),
} satisfies Record<GuardrailField, z.ZodType>;

/** A change of either or both, as the admin API takes it: at least one field; null or "off" turns one off. */
export const guardrailChangeSchema = z
  .object({
    dailyLossLimitPerc: guardrailSchemas.dailyLossLimitPerc.optional(),
    dailyProfitLockPerc: guardrailSchemas.dailyProfitLockPerc.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "give at least one field to change" });
