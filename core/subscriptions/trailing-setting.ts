import { z } from "zod";
import { type Decimal, dec } from "../platform/decimal.ts";
import { positiveDecimal } from "../platform/number-input.ts";
import { TRAILING_MODES } from "../signals/trade-plan.ts";

// The follower's trailing-stop choice on a subscription (core/copying/trade-targets.ts applies it): "signal" follows
// the signal's trailing (the default), "off" never moves the stop, a mode replaces the signal's; "percent" needs the
// follower's own distance (and takes an activation).
export const TRAILING_CHOICES = ["signal", "off", ...TRAILING_MODES] as const;
export type TrailingChoice = (typeof TRAILING_CHOICES)[number];

export type TrailingSetting =
  | { mode: Exclude<TrailingChoice, "percent"> }
  | { mode: "percent"; distancePerc: Decimal; activationPerc?: Decimal };

export const trailingSettingSchema = z
  .object(
    {
      mode: z
        .string({ error: "is required" })
        .transform((v) => v.trim().toLowerCase())
        .pipe(z.enum(TRAILING_CHOICES, { error: `must be one of ${TRAILING_CHOICES.join(", ")}` })),
      distancePerc: positiveDecimal({ example: "1", max: 100, below: true }).optional(),
      activationPerc: positiveDecimal({ example: "2" }).optional(),
    },
    { error: 'must be an object such as {"mode": "breakeven"}' },
  )
  .transform((t, ctx): TrailingSetting => {
    if (t.mode !== "percent") return { mode: t.mode };
    if (t.distancePerc === undefined) {
      ctx.addIssue({ code: "custom", path: ["distancePerc"], message: "is required for the percent mode" });
      return z.NEVER;
    }
    return {
      mode: t.mode,
      distancePerc: dec(t.distancePerc),
      ...(t.activationPerc !== undefined && { activationPerc: dec(t.activationPerc) }),
    };
  });

/** The subscription's columns for a choice: "signal" clears them all. */
export function trailingColumns(setting: TrailingSetting | undefined) {
  if (!setting) return {};
  const percent = setting.mode === "percent" ? setting : null;
  return {
    trailingMode: setting.mode === "signal" ? null : setting.mode,
    trailingDistancePerc: percent?.distancePerc.toString() ?? null,
    trailingActivationPerc: percent?.activationPerc?.toString() ?? null,
  };
}

/** A subscription row's choice, as the settings show it; anything it does not know reads as "signal". */
export function trailingSettingOf(row: {
  trailingMode: string | null;
  trailingDistancePerc: { toString(): string } | null;
  trailingActivationPerc: { toString(): string } | null;
}): TrailingSetting {
  const mode = TRAILING_CHOICES.find((c) => c === row.trailingMode) ?? "signal";
  if (mode !== "percent") return { mode };
  if (!row.trailingDistancePerc) return { mode: "signal" };
  return {
    mode,
    distancePerc: dec(row.trailingDistancePerc.toString()),
    ...(row.trailingActivationPerc && { activationPerc: dec(row.trailingActivationPerc.toString()) }),
  };
}
