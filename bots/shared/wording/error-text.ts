import { isUserDisabledError } from "../../../core/accounts/user-disabled.ts";
import { type AppError, toAppError } from "../../../core/platform/errors.ts";
import { utcTime } from "./format.ts";
import type { T } from "./translator.ts";

/**
 * AppError → what the user reads, in their language. Internal details stay in the log. An error may carry its
 * own wording key in `details.wording` (a refusal a bot raises itself); refusals from the core carry English
 * words, shown as they are.
 */
export function errorText(err: unknown, t: T): string {
  const e: AppError = toAppError(err);
  const key = e.details?.wording;
  if (typeof key === "string") return t(key, wordingArgs(e.details?.wordingArgs));
  if (isUserDisabledError(e)) return t("errors-account-disabled");
  switch (e.code) {
    case "BAD_REQUEST":
    case "NOT_FOUND":
    case "CONFLICT":
    case "FORBIDDEN":
    case "UNAUTHORIZED":
      if (typeof e.details?.attemptsLeft === "number") return t("errors-wrong-code");
      return t("errors-detail", { detail: capitalise(e.message.replace(/^[\w.]+: /, "")) });
    case "LOCKED": {
      const until = typeof e.details?.until === "string" ? new Date(e.details.until) : undefined;
      return until && !Number.isNaN(until.getTime())
        ? t("errors-locked", { until: utcTime(until) })
        : t("errors-locked-later");
    }
    case "INVALID_KEY":
      return t("errors-invalid-key");
    case "KEY_CAN_WITHDRAW":
      return t("errors-key-can-withdraw");
    case "POSITION_MODE":
      return t("errors-position-mode");
    case "RATE_LIMITED":
    case "EXCHANGE_UNAVAILABLE":
    case "EXCHANGE_UNCERTAIN":
      return t("errors-exchange-timeout");
    default:
      return t("errors-internal");
  }
}

/** " 3 attempts left before a 15-minute lock." after a wrong code; "" otherwise. */
export function attemptsLeft(err: unknown, t: T): string {
  const left = (err as { details?: { attemptsLeft?: number } }).details?.attemptsLeft;
  return typeof left === "number" ? ` ${t("two-factor-attempts-left", { count: left })}` : "";
}

/** A refusal's own wording arguments (core/billing's plan refusal names the strategy and the plans). */
function wordingArgs(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object") return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
