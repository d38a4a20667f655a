// How the admin page writes times and money: UTC, compact, the same everywhere.

export function utc(d: Date | null | undefined): string {
  if (!d) return "—";
  return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "12 s ago", "5 min ago", "3 h ago", else the date. */
export function ago(d: Date | null | undefined, now: Date): string {
  if (!d) return "never";
  const s = Math.round((now.getTime() - d.getTime()) / 1000);
  if (s < 60) return `${Math.max(0, s)} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return d.toISOString().slice(0, 10);
}

export function signClass(value: string): string {
  const n = Number(value);
  return n > 0 ? "num pos" : n < 0 ? "num neg" : "num";
}

export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

export function short(id: string): string {
  return id.slice(0, 8);
}

/** A query string from the values that are set. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : "";
}
