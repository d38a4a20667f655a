import { type GuardrailField, guardrailSchemas } from "../../../core/guardrails/guardrail-settings.ts";
import type { GuardrailState } from "../../../core/guardrails/guardrail-state.ts";
import type { T } from "./translator.ts";

// What both bots say about an account's daily guardrails, and how they read a typed limit: the same words and
// the same checks on Telegram and Discord. The checks themselves are core's (guardrail-settings.ts).

/** The question for each limit, and the short label of its form field. */
export const GUARDRAIL_WORDING: Record<GuardrailField, { button: string; ask: string; field: string }> = {
  dailyLossLimitPerc: {
    button: "accounts-guard-loss",
    ask: "accounts-guard-ask-loss",
    field: "accounts-guard-form-loss",
  },
  dailyProfitLockPerc: {
    button: "accounts-guard-profit",
    ask: "accounts-guard-ask-profit",
    field: "accounts-guard-form-profit",
  },
};

/** "Daily loss limit: 5% · daily profit lock: off" */
export function guardrailStatus(g: GuardrailState, t: T): string {
  const percent = (v: string | null) => (v === null ? t("accounts-guard-off") : `${v}%`);
  return t("accounts-guard-status", { loss: percent(g.dailyLossLimitPerc), profit: percent(g.dailyProfitLockPerc) });
}

/** Whether a halt is in force today, and why. */
export function guardrailHalt(g: GuardrailState, t: T): string {
  return g.halted && g.haltReason
    ? t("accounts-guard-halted", { reason: g.haltReason })
    : t("accounts-guard-not-halted");
}

/** Under an account in /accounts: its limits and a halt in force; nothing for an account without either. */
export function guardrailListLines(g: GuardrailState, t: T): string[] {
  if (!g.dailyLossLimitPerc && !g.dailyProfitLockPerc && !g.halted) return [];
  return g.halted ? [guardrailStatus(g, t), guardrailHalt(g, t)] : [guardrailStatus(g, t)];
}

/** The account's limits, today's state, and what the limits do. */
export function guardrailSummary(account: string, g: GuardrailState, t: T): string {
  return [
    t("accounts-guard-title", { account }),
    guardrailStatus(g, t),
    guardrailHalt(g, t),
    t("accounts-guard-explain"),
  ].join("\n");
}

/**
 * A typed limit: a percent, or off (an empty answer, "off", or the user's own word for it: settings-off-words).
 * Returns what to set, or the problem with it in words for `accounts-guard-invalid`.
 */
export function readGuardrailValue(
  field: GuardrailField,
  text: string,
  t: T,
): { value: string | null } | { problem: string } {
  const word = text.trim().toLowerCase();
  const off = ["", "off", "none", "no", ...t("settings-off-words").split(",")].some(
    (w) => w.trim().toLowerCase() === word,
  );
  if (off) return { value: null };
  const parsed = guardrailSchemas[field].safeParse(text.trim());
  if (parsed.success) return { value: parsed.data };
  return { problem: parsed.error.issues[0]?.message ?? t("settings-problem-invalid") };
}
