// How long a venue asked us to back off, in ms from now, read from the headers of its last response.
// Binance: Retry-After (seconds) on 418/429. Bybit: X-Bapi-Limit-Reset-Timestamp (epoch ms) on limit errors.

export function retryAfterMsFrom(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const retryAfter = find(headers, "retry-after");
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const resetAt = Number(find(headers, "x-bapi-limit-reset-timestamp"));
  if (Number.isFinite(resetAt) && resetAt > 0) return Math.max(0, resetAt - now);
  return undefined;
}

/** ccxt capitalises header names (Retry-After); compare case-insensitively anyway. */
function find(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}
