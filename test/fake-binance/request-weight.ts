import { type BinanceError, binanceErrors } from "./binance-error.ts";
import type { Params } from "./order-params.ts";

// Binance meters each IP's REST use in "request weight" per minute (fapi: 2400, the REQUEST_WEIGHT entry of
// exchangeInfo) and reports the running total on every response in X-MBX-USED-WEIGHT-1M. Past the limit it
// answers 429 -1003 with Retry-After; an IP that keeps sending while told to wait is banned with 418, for
// longer on each repeat (2 minutes up to 3 days). The weight is always counted and reported here, but only
// enforced once a limit is set: benchmarks run 10,000 followers through one fake, i.e. one IP.

/** Per route key: a weight, or [with symbol, without symbol]. Anything unlisted weighs 1. */
const WEIGHTS: Record<string, number | [number, number]> = {
  "GET /fapi/v1/ticker/price": [1, 2],
  "GET /fapi/v2/ticker/price": [1, 2],
  "GET /fapi/v1/ticker/24hr": [1, 40],
  "GET /fapi/v1/premiumIndex": [1, 10],
  "GET /fapi/v2/account": 5,
  "GET /fapi/v3/account": 5,
  "GET /fapi/v2/balance": 5,
  "GET /fapi/v3/balance": 5,
  "GET /fapi/v2/positionRisk": 5,
  "GET /fapi/v3/positionRisk": 5,
  "GET /fapi/v1/positionSide/dual": 30,
  // Order placement is metered by the per-account order count instead.
  "POST /fapi/v1/order": 0,
  "POST /fapi/v1/algoOrder": 0,
  "GET /fapi/v1/openOrders": [1, 40],
  "GET /fapi/v1/openAlgoOrders": [1, 40],
  "GET /fapi/v1/allOrders": 5,
  "GET /fapi/v1/userTrades": 5,
  "GET /fapi/v1/forceOrders": [20, 50],
  // The spot host (api.binance.com) has a budget of its own.
  "GET /sapi/v1/account/apiRestrictions": 0,
};

const MAX_BAN_SEC = 3 * 24 * 3600;

export function weightOf(routeKey: string, params: Params): number {
  const w = WEIGHTS[routeKey] ?? 1;
  if (typeof w === "number") return w;
  return params.symbol === undefined ? w[1] : w[0];
}

export interface WeightLimitOptions {
  /** Request weight per minute for the fake's one IP. Undefined: counted and reported, never refused. Binance: 2400. */
  limitPerMinute?: number;
  /** Length of the first 418 ban in seconds; each further ban doubles it. Binance: 120. */
  banBaseSec?: number;
  /** Length of the weight window. Binance: 60,000 (the header's "1M"). */
  windowMs?: number;
}

export interface Admission {
  headers: Record<string, string>;
  refusal?: { error: BinanceError; retryAfterMs: number };
}

export class RequestWeight {
  private opts: WeightLimitOptions = {};
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  /** Set by a 429: until then, any request is "not backing off". */
  private waitUntil = 0;
  private bannedUntil = 0;
  private bans = 0;

  configure(opts: WeightLimitOptions): void {
    this.opts = { ...opts };
    this.windowStart = Number.NEGATIVE_INFINITY;
    this.used = 0;
    this.waitUntil = 0;
    this.bannedUntil = 0;
    this.bans = 0;
  }

  options(): WeightLimitOptions {
    return { ...this.opts };
  }

  usedWeight(now = Date.now()): number {
    return now >= this.windowStart + this.windowMs() ? 0 : this.used;
  }

  /**
   * Counts one request. Unlike Binance (calendar minutes) a window opens with the first request after the
   * previous one closed, so a test never straddles a minute boundary by chance.
   */
  admit(routeKey: string, params: Params, now: number): Admission {
    if (now >= this.windowStart + this.windowMs()) {
      this.windowStart = now;
      this.used = 0;
    }
    const limit = this.opts.limitPerMinute;
    if (limit !== undefined) {
      if (now < this.bannedUntil) return this.refuse(binanceErrors.ipBanned(this.bannedUntil), this.bannedUntil - now);
      if (now < this.waitUntil) return this.ban(now);
    }
    this.used += weightOf(routeKey, params);
    if (limit === undefined || this.used <= limit) return { headers: this.headers() };
    this.waitUntil = this.windowStart + this.windowMs();
    return this.refuse(binanceErrors.tooManyRequests(limit), this.waitUntil - now);
  }

  private ban(now: number): Admission {
    this.bans += 1;
    const sec = Math.min((this.opts.banBaseSec ?? 120) * 2 ** (this.bans - 1), MAX_BAN_SEC);
    this.bannedUntil = now + sec * 1000;
    // Still told to wait once the ban is over if the window it was earned in is still open.
    return this.refuse(binanceErrors.ipBanned(this.bannedUntil), sec * 1000);
  }

  private refuse(error: BinanceError, retryAfterMs: number): Admission {
    return { headers: this.headers(), refusal: { error, retryAfterMs } };
  }

  private headers(): Record<string, string> {
    return { "X-MBX-USED-WEIGHT-1M": String(this.used) };
  }

  private windowMs(): number {
    return this.opts.windowMs ?? 60_000;
  }
}

interface Window {
  start: number;
  n: number;
}

export interface OrderCounts {
  tenSec: Window;
  minute: Window;
}

/** Counts an order request for the account; the headers Binance puts on the order's response. */
export function countOrder(counts: OrderCounts, now: number): Record<string, string> {
  const bump = (w: Window, len: number) => {
    const start = now - (now % len);
    if (w.start !== start) {
      w.start = start;
      w.n = 0;
    }
    w.n += 1;
    return String(w.n);
  };
  return {
    "X-MBX-ORDER-COUNT-10S": bump(counts.tenSec, 10_000),
    "X-MBX-ORDER-COUNT-1M": bump(counts.minute, 60_000),
  };
}
