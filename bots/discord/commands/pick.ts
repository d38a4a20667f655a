// What a user typed in an option, matched against their choices: the value an autocomplete suggestion carries
// (an id or slug), or the name as shown, case-insensitively. Several names matching is no match.

export function pickOne<T>(
  items: readonly T[],
  typed: string,
  keys: (item: T) => (string | null | undefined)[],
): T | null {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return null;
  const matches = items.filter((item) => keys(item).some((k) => k?.toLowerCase() === wanted));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** Autocomplete: the items whose shown name contains what was typed, at most 25. */
export function suggest<T>(items: readonly T[], typed: string, name: (item: T) => string): T[] {
  const wanted = typed.trim().toLowerCase();
  return items.filter((item) => name(item).toLowerCase().includes(wanted)).slice(0, 25);
}
