import { type TrailingSetting, trailingSettingSchema } from "../../core/subscriptions/trailing-setting.ts";
import type { T } from "./wording/translator.ts";

// The trailing-stop choice in both bots' /settings: a row of buttons, no typing (core/subscriptions/trailing-setting.ts).

/** The trailing distances the bots offer as buttons (the admin API takes any, and an activation). */
export const TRAILING_PRESETS = ["0.5", "1", "2"] as const;

/** The choices a follower taps: the signal's, off, each mode, and a percent trail per preset. */
export const TRAILING_BUTTONS = ["signal", "off", "breakeven", "moving_target", ...TRAILING_PRESETS] as const;
export type TrailingButton = (typeof TRAILING_BUTTONS)[number];

export const isTrailingButton = (s: string | undefined): s is TrailingButton => TRAILING_BUTTONS.some((b) => b === s);

/** "Trailing stop: the signal's", "Trailing stop: 1% behind the best price", … */
export function trailingSummary(setting: TrailingSetting, t: T): string {
  if (setting.mode === "percent" && setting.activationPerc) {
    return t("settings-trailing-summary-activated", {
      distance: setting.distancePerc.toString(),
      activation: setting.activationPerc.toString(),
    });
  }
  const distance = setting.mode === "percent" ? setting.distancePerc.toString() : "";
  return t("settings-trailing-summary", { mode: setting.mode, distance });
}

export function trailingButtonLabel(b: TrailingButton, t: T): string {
  switch (b) {
    case "signal":
      return t("settings-trailing-signal");
    case "off":
      return t("settings-trailing-off");
    case "breakeven":
      return t("settings-trailing-breakeven");
    case "moving_target":
      return t("settings-trailing-moving-target");
    default:
      return t("settings-trailing-percent", { distance: b });
  }
}

/** What a tapped choice sets, validated as the admin API's `trailing` is. */
export function trailingChange(b: TrailingButton): TrailingSetting {
  const preset = TRAILING_PRESETS.find((p) => p === b);
  return trailingSettingSchema.parse(preset ? { mode: "percent", distancePerc: preset } : { mode: b });
}
