// A provider's timestamp: ISO 8601 (a time without a zone is UTC, never the server's local time) or epoch
// seconds or milliseconds, as a number or a string. Anything outside 2000–2200 is a mistake, not a time.
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EPOCH = /^\d{1,16}(?:\.\d+)?$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
// Epoch seconds stay below this until the year 5138; epoch milliseconds passed it in 1973.
const SECONDS_BELOW = 1e11;

/** The moment the provider wrote, or null when it cannot be read as one. */
export function readProviderTime(raw: number | string): Date | null {
  const text = String(raw).trim();
  let ms: number;
  if (EPOCH.test(text)) {
    const n = Number(text);
    ms = n < SECONDS_BELOW ? n * 1000 : n;
  } else {
    const iso = ISO.exec(text);
    if (!iso) return null;
    const [, day, time, zone] = iso;
    ms = Date.parse(time ? `${day}T${time}${zone ?? "Z"}` : `${day}T00:00:00Z`);
  }
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > LATEST) return null;
  return new Date(Math.round(ms));
}
