import { LRUCache } from "lru-cache";
import { AppError } from "../platform/errors.ts";

/**
 * Remembers, per API key, until when a venue asked us to stay away (Retry-After). Every call in this process
 * with that key fails fast until then: a request inside the window is refused again and, on Binance, repeated
 * violations turn a 429 into an IP ban (418) that stops every follower, not just this one.
 */
export class RateLimitGate {
  private readonly until: LRUCache<string, number>;

  constructor(
    private readonly exchangeId: string,
    private readonly now: () => number = Date.now,
  ) {
    // Expired entries are dropped when next read; the bound keeps keys that are never read again from piling up.
    this.until = new LRUCache<string, number>({ max: 100_000 });
  }

  /** Throws RATE_LIMITED, with the time left, while `apiKey` is inside a Retry-After window. */
  check(apiKey: string, operation: string): void {
    const until = this.until.get(apiKey);
    if (until === undefined) return;
    const remaining = until - this.now();
    if (remaining <= 0) {
      this.until.delete(apiKey);
      return;
    }
    throw new AppError("RATE_LIMITED", `${this.exchangeId} asked this key to wait; ${remaining} ms left, not sent`, {
      details: { exchange: this.exchangeId, operation, retryAt: until, gated: true },
      retryAfterMs: remaining,
    });
  }

  /** Records a Retry-After; a later, shorter answer never shortens a window already known. */
  block(apiKey: string, retryAfterMs: number): void {
    if (retryAfterMs <= 0) return;
    const until = this.now() + retryAfterMs;
    const known = this.until.get(apiKey);
    if (known !== undefined && known >= until) return;
    this.until.set(apiKey, until);
  }
}
