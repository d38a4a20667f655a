import type { T } from "../../shared/wording/translator.ts";

export type SizingMode = "risk" | "fixed" | "multiplier";
export const SIZING_MODES = ["risk", "fixed", "multiplier"] as const satisfies readonly SizingMode[];

// Wording keys of each mode: its name, the question for its value, and the short label of a form's field.
export const MODE_WORDING: Record<SizingMode, { label: string; ask: string; field: string }> = {
  risk: { label: "subscribe-mode-risk", ask: "subscribe-ask-risk", field: "subscribe-form-risk" },
  fixed: { label: "subscribe-mode-fixed", ask: "subscribe-ask-fixed", field: "subscribe-form-fixed" },
  multiplier: {
    label: "subscribe-mode-multiplier",
    ask: "subscribe-ask-multiplier",
    field: "subscribe-form-multiplier",
  },
};

export const isSizingMode = (s: string | undefined): s is SizingMode => SIZING_MODES.includes(s as SizingMode);

/** "off" and its kin, in English and in the user's language ("settings-off-words"); an empty field too. */
export function isOff(t: T, text: string): boolean {
  const word = text.trim().toLowerCase();
  if (word === "") return true;
  return ["off", "none", "no", ...t("settings-off-words").split(",")].some((w) => w.trim().toLowerCase() === word);
}
