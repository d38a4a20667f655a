import { createHash } from "node:crypto";
import type { FakeDiscordState } from "./state.ts";

export interface RateLimitOptions {
  /** Discord's global limit: at most this many bot-authenticated requests in any 1 s window (Discord: 50). */
  globalPerSecond: number;
  /** Per-route bucket size; generous by default so only the global limit shapes traffic. */
  perRouteLimit?: number;
  /** Per-route bucket window. */
  perRouteWindowMs?: number;
}

export interface RateLimitVerdict {
  status: 200 | 429;
  headers: Record<string, string>;
  body?: { message: string; retry_after: number; global: boolean; code?: number };
}

const WINDOW_MS = 1000;

/**
 * The global limit is a strict sliding window: a request is accepted only if fewer than N were accepted in the
 * preceding 1000 ms, so no 1 s window ever holds more than N. discord.js paces with fixed windows of its own, which
 * is why a burst right after its window resets can still meet a 429 here, as it can against Discord.
 * Per-route buckets are fixed windows, like Discord's, reported through the X-RateLimit-* headers.
 */
export class RateLimiter {
  private readonly recent: number[] = [];
  private readonly buckets = new Map<string, { count: number; resetAt: number }>();
  private readonly perRouteLimit: number;
  private readonly perRouteWindowMs: number;

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly state: FakeDiscordState,
  ) {
    this.perRouteLimit = opts.perRouteLimit ?? 1000;
    this.perRouteWindowMs = opts.perRouteWindowMs ?? 1000;
  }

  /**
   * @param route "METHOD /template" identifying the bucket kind; `major` is the top-level resource id
   *   (channel, guild, webhook) since Discord keeps separate buckets per major parameter.
   * @param global whether the request counts against the global limit (bot-authenticated, not an interaction).
   */
  check(route: string, major: string, global: boolean): RateLimitVerdict {
    const now = performance.now();
    if (global) {
      while (this.recent.length > 0 && this.recent[0]! <= now - WINDOW_MS) this.recent.shift();
      if (this.recent.length >= this.opts.globalPerSecond) {
        const retryAfter = (this.recent[0]! + WINDOW_MS - now) / 1000;
        this.state.rateLimit.rejected429++;
        this.state.rateLimit.rejectedGlobal++;
        return {
          status: 429,
          // Discord rounds the header up to whole seconds; the body carries the precise float.
          headers: {
            "Retry-After": String(Math.max(1, Math.ceil(retryAfter))),
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
          },
          body: { message: "You are being rate limited.", retry_after: round3(retryAfter), global: true },
        };
      }
    }

    const hash = bucketHash(route);
    const key = `${hash}:${major}`;
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { count: 0, resetAt: now + this.perRouteWindowMs };
      this.buckets.set(key, bucket);
    }
    const resetAfter = (bucket.resetAt - now) / 1000;
    const headers = (remaining: number) => ({
      "X-RateLimit-Limit": String(this.perRouteLimit),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": ((Date.now() + resetAfter * 1000) / 1000).toFixed(3),
      "X-RateLimit-Reset-After": resetAfter.toFixed(3),
      "X-RateLimit-Bucket": hash,
    });
    if (bucket.count >= this.perRouteLimit) {
      this.state.rateLimit.rejected429++;
      return {
        status: 429,
        headers: { ...headers(0), "Retry-After": String(Math.ceil(resetAfter)), "X-RateLimit-Scope": "user" },
        body: { message: "You are being rate limited.", retry_after: round3(resetAfter), global: false },
      };
    }
    bucket.count++;
    if (global) {
      this.recent.push(now);
      this.state.rateLimit.acceptedAt.push(now);
      this.state.rateLimit.accepted++;
    }
    return { status: 200, headers: headers(this.perRouteLimit - bucket.count) };
  }
}

const round3 = (n: number) => Math.ceil(n * 1000) / 1000;

function bucketHash(route: string): string {
  return createHash("sha1").update(route).digest("hex").slice(0, 32);
}
