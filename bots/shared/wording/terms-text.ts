import { COMMON_COUNTRIES, countryByCode } from "../../../core/community/terms/countries.ts";
import type { TermsGate } from "../../../core/community/terms/terms-gate.ts";
import type { T } from "./translator.ts";

// What both bots say when the terms or the country stand between a user and a money-touching command. Each bot
// adds its own buttons; the sentences are the same.

/** The terms in a few lines, the link to the whole text, and (first time or changed) why they are asked. */
export function termsPromptText(t: T, gate: Pick<TermsGate, "url">, opts: { changed: boolean }): string {
  const intro = t(opts.changed ? "terms-intro-changed" : "terms-intro-first");
  return `${intro}\n${t("terms-summary")}\n\n${t("terms-read", { url: gate.url })}`;
}

/** "Germany (DE)", or the code alone if it is not in the list. */
export function countryLabel(code: string): string {
  const country = countryByCode(code);
  return country ? `${country.name} (${country.code})` : code;
}

/** The countries offered before anyone types, as label and code. */
export const commonCountryChoices = () =>
  COMMON_COUNTRIES.map((code) => ({ code, label: countryByCode(code)?.name ?? code }));

/** The polite refusal for a blocked country. */
export const blockedText = (t: T, code: string) => t("terms-blocked", { country: countryLabel(code) });
