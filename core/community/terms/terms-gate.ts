import type { DbClient } from "../../platform/db-client.ts";
import { termsVersion } from "./terms-document.ts";

// Where the repository's docs are read when TERMS_URL is unset.
export const DEFAULT_TERMS_URL = "https://github.com/mimic/mimic/blob/main/docs/terms.md";

/** What the gate compares a user with: built once by the entry point (termsGateFromEnv), a fake in tests. */
export interface TermsGate {
  /** The version a user must have accepted (docs/terms.md's hash). */
  version: string;
  /** Where the bots link the full terms. */
  url: string;
  /** ISO codes whose residents may not link or subscribe (BLOCKED_COUNTRIES). */
  blockedCountries: readonly string[];
}

export function termsGateFromEnv(env: {
  TERMS_URL?: string;
  SUPPORT_DOCS_URL?: string;
  BLOCKED_COUNTRIES: readonly string[];
}): TermsGate {
  // Docs published for support links publish the terms too; a deployment that says nothing gets the repository's.
  const url = env.TERMS_URL ?? (env.SUPPORT_DOCS_URL ? `${env.SUPPORT_DOCS_URL}/docs/terms.md` : DEFAULT_TERMS_URL);
  return { version: termsVersion(), url, blockedCountries: env.BLOCKED_COUNTRIES };
}

/** A bot without a gate of its own (its tests) still gates: the real terms, no country blocked. */
export function defaultTermsGate(): TermsGate {
  return { version: termsVersion(), url: DEFAULT_TERMS_URL, blockedCountries: [] };
}

/** Whether the user has yet to accept this version of the terms: never accepted, or accepted an older text. */
export function needsConsent(user: { termsVersion: string | null }, version: string = termsVersion()): boolean {
  return user.termsVersion !== version;
}

export type MoneyAccess =
  | { step: "terms"; changed: boolean }
  | { step: "country" }
  | { step: "blocked"; country: string }
  | { step: "ok"; country: string };

/** What still stands between a user and a money-touching command; the one check both bots make. */
export function moneyAccess(
  user: { termsVersion: string | null; country: string | null },
  gate: Pick<TermsGate, "version" | "blockedCountries">,
): MoneyAccess {
  if (needsConsent(user, gate.version)) return { step: "terms", changed: user.termsVersion !== null };
  if (!user.country) return { step: "country" };
  if (gate.blockedCountries.includes(user.country)) return { step: "blocked", country: user.country };
  return { step: "ok", country: user.country };
}

/** moneyAccess for a user by id (a user the bot has just ensured exists). */
export async function checkMoneyAccess(
  input: { userId: string },
  deps: { db: DbClient; terms: TermsGate },
): Promise<MoneyAccess> {
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { termsVersion: true, country: true },
  });
  return moneyAccess(user, deps.terms);
}
