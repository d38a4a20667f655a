import { COUNTRIES, type Country, countryByCode } from "./countries.ts";
import { COUNTRY_ALIASES } from "./country-aliases.ts";

/** Lower case, without accents, apostrophes or punctuation: "Côte d’Ivoire" and "cote divoire" are one text. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const INDEX = COUNTRIES.map((country) => ({
  country,
  names: [country.name, ...(COUNTRY_ALIASES[country.code] ?? [])].map(foldText),
}));

/**
 * Countries matching what a person typed, best first: the exact code ("de"), then an exact name or alias, then
 * names starting with it, then names with a word starting with it, then names containing it. Case and accents
 * do not matter. Nothing for fewer than two letters (one matches half the list).
 */
export function searchCountries(query: string, limit = 10): Country[] {
  const q = foldText(query);
  if (q.length < 2) return [];
  const ranked: { country: Country; rank: number }[] = [];
  const byCode = q.length === 2 ? countryByCode(q) : null;
  for (const { country, names } of INDEX) {
    let rank = country === byCode ? 0 : Number.POSITIVE_INFINITY;
    for (const name of names) {
      if (name === q) rank = Math.min(rank, 1);
      else if (name.startsWith(q)) rank = Math.min(rank, 2);
      else if (name.split(" ").some((word) => word.startsWith(q))) rank = Math.min(rank, 3);
      else if (name.includes(q)) rank = Math.min(rank, 4);
    }
    if (rank !== Number.POSITIVE_INFINITY) ranked.push({ country, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.country.name.localeCompare(b.country.name));
  return ranked.slice(0, limit).map((r) => r.country);
}
