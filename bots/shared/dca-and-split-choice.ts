import {
  describeTakeProfitSplit,
  type OwnTarget,
  parseTakeProfitSplit,
} from "../../core/subscriptions/take-profit-split.ts";
import type { T } from "./wording/translator.ts";

// The DCA switch (tapped) and the follower's own take-profit split (typed) in both bots' /settings, worded once
// here so Telegram and Discord say the same (core/subscriptions/take-profit-split.ts holds the rules).

const yes = (on: boolean) => (on ? "yes" : "no");

/** "DCA: on": the button shows what is set now; a tap turns it the other way. */
export const dcaButtonLabel = (on: boolean, t: T): string => t("settings-dca-button", { on: yes(on) });

/** "DCA orders: on, …": the summary line. */
export const dcaSummary = (on: boolean, t: T): string => t("settings-dca-summary", { on: yes(on) });

/** "Take-profit split: 1.5% (50%), 3% (30%)", or the signal's targets. */
export function splitSummary(split: readonly OwnTarget[] | null, t: T): string {
  return t("settings-split-summary", {
    split: split ? describeTakeProfitSplit(split) : t("settings-split-signal"),
  });
}

/**
 * A typed split: "1.5:50 3:30 5:20", or a word for the signal's targets in the follower's language ("signal",
 * "señal", an off word; core knows only the English ones). Returns the problem in words instead of throwing.
 */
export function splitAnswer(text: string, t: T): { split: OwnTarget[] | null } | { problem: string } {
  const word = text.trim().toLowerCase();
  const signalWords = `${t("settings-split-signal-words")},${t("settings-off-words")}`
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (signalWords.includes(word)) return { split: null };
  return parseTakeProfitSplit(text);
}

/** What a wrong split is answered: the problem, nothing changed, and the question again. */
export const splitInvalid = (problem: string, t: T): string =>
  t("settings-split-invalid", { problem, ask: t("settings-ask-split") });

/** A split as the form's field is filled with: the typed syntax, so it can be edited and sent back. */
export const splitAsTyped = (split: readonly OwnTarget[] | null): string | undefined =>
  split?.map((s) => `${s.perc}:${s.sizePerc}`).join(" ");
