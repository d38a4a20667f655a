import ccxt, { type ConstructorArgs, type Exchange } from "ccxt";
import { LRUCache } from "lru-cache";
import { type Decimal, dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { applyUrlOverride } from "./ccxt-url-override.ts";
import type { ExchangeCredentials, MarketInfo } from "./exchange.ts";
import { InstancePool } from "./instance-pool.ts";
import { mapCcxtError } from "./map-ccxt-error.ts";
import { toMarketInfo } from "./map-ccxt-market.ts";
import { useNativeHmac } from "./native-hmac.ts";
import { RateLimitGate } from "./rate-limit-gate.ts";
import { SharedMarkets } from "./shared-markets.ts";
import type { VenueProfile } from "./venue-profiles.ts";

export type ExchangeLogger = Pick<Logger, "warn" | "debug">;

export interface CcxtVenueOptions {
  profile: VenueProfile;
  /** Test hook: serve this venue's API from another origin (see ccxt-url-override.ts). */
  urlOverride?: string;
  timeoutMs: number;
  marketsTtlMs: number;
  maxInstances: number;
  logger?: ExchangeLogger;
}

export interface VenueStats {
  instancesBuilt: number;
  idle: number;
  waiting: number;
  marketLoads: number;
}

type ExchangeClass = new (config?: ConstructorArgs) => Exchange;

/**
 * Everything shared by all accounts on one venue: its markets (loaded once, refreshed on a TTL) and a pool of
 * ccxt instances. A ccxt instance is stateful (credentials, last response headers, cached account options),
 * so each call leases one exclusively, signs with its own key, and hands it back clean.
 */
export class CcxtVenue {
  readonly profile: VenueProfile;
  private readonly pool: InstancePool<Exchange>;
  private readonly markets: SharedMarkets<Exchange>;
  private readonly marketInfoCache = new WeakMap<Exchange, Map<string, MarketInfo>>();
  private readonly exchangeClass: ExchangeClass;
  /** Each instance's `options` as built, restored on release (see restoreOptions). */
  private readonly pristineOptions = new WeakMap<Exchange, Map<string, unknown>>();
  // Public data is the same for every follower: one ticker request per symbol per second serves a whole fan-out.
  private readonly prices: LRUCache<string, Decimal>;
  /** Leverage this process has set per key and symbol, so a fan-out does not repeat the call every signal. */
  readonly knownLeverage = new LRUCache<string, number>({ max: 200_000, ttl: 10 * 60_000 });
  /** The highest leverage a symbol allows, where the markets do not say and the venue had to be asked. */
  readonly maxLeverage = new LRUCache<string, number>({ max: 5_000, ttl: 3_600_000 });
  /** Keys a venue told to wait (Retry-After); public calls share the key "". */
  readonly rateLimits: RateLimitGate;
  /** See ExchangeClient.inFlightMs: the timeout plus the receive window ccxt signs with (10 s by default). */
  readonly inFlightMs: number;

  constructor(private readonly opts: CcxtVenueOptions) {
    this.profile = opts.profile;
    this.rateLimits = new RateLimitGate(opts.profile.exchangeId);
    const recvWindow = Number(opts.profile.ccxtOptions.recvWindow ?? 10_000);
    this.inFlightMs = opts.timeoutMs + recvWindow;
    const candidate = (ccxt as unknown as Record<string, unknown>)[opts.profile.exchangeId];
    if (typeof candidate !== "function") throw new Error(`ccxt has no exchange ${opts.profile.exchangeId}`);
    this.exchangeClass = candidate as ExchangeClass;
    this.pool = new InstancePool(() => this.build(), opts.maxInstances);
    this.prices = new LRUCache<string, Decimal>({
      max: 5_000,
      ttl: 1_000,
      fetchMethod: (symbol) => this.fetchLastPrice(symbol),
    });
    this.markets = new SharedMarkets(
      async () => {
        const loader = this.build();
        await loader.loadMarkets();
        return loader;
      },
      {
        ttlMs: opts.marketsTtlMs,
        onRefreshError: (err) =>
          opts.logger?.warn({ exchange: this.profile.exchangeId, err: String(err) }, "markets refresh failed"),
        onReplaced: (previous) => closeInstance(previous),
      },
    );
  }

  /** The shared, loaded markets (as the ccxt instance that loaded them). */
  async loadedMarkets(): Promise<Exchange> {
    try {
      return await this.markets.current();
    } catch (err) {
      throw mapCcxtError(err, { exchangeId: this.profile.exchangeId, operation: "loadMarkets" });
    }
  }

  async marketInfo(symbol: string): Promise<MarketInfo> {
    const source = await this.loadedMarkets();
    let cache = this.marketInfoCache.get(source);
    if (!cache) {
      cache = new Map();
      this.marketInfoCache.set(source, cache);
    }
    let info = cache.get(symbol);
    if (!info) {
      const market = source.markets?.[symbol];
      if (!market) throw new AppError("UNKNOWN_MARKET", `${this.profile.exchangeId} has no market ${symbol}`);
      info = toMarketInfo(market, source.precisionMode ?? 0);
      cache.set(symbol, info);
    }
    return info;
  }

  /** Last traded price, at most a second old; concurrent callers share one request. */
  async lastPrice(symbol: string): Promise<Decimal> {
    const price = await this.prices.fetch(symbol);
    if (!price) throw new AppError("NO_PRICE", `${this.profile.exchangeId} has no last price for ${symbol}`);
    return price;
  }

  private async fetchLastPrice(symbol: string): Promise<Decimal | undefined> {
    await this.marketInfo(symbol);
    const last = await this.run(
      { apiKey: "", secret: "" },
      "fetchPrice",
      async (ex) => (await ex.fetchTicker(symbol)).last,
    );
    return last && last > 0 ? dec(String(last)) : undefined;
  }

  async run<T>(credentials: ExchangeCredentials, operation: string, fn: (ex: Exchange) => Promise<T>): Promise<T> {
    this.rateLimits.check(credentials.apiKey, operation);
    const source = await this.loadedMarkets();
    const ex = await this.pool.acquire();
    // Shares the loaded objects, no copy; a refresh swaps in new objects, so running calls stay consistent.
    if (ex.markets !== source.markets) ex.setMarketsFromExchange(source);
    ex.apiKey = credentials.apiKey;
    ex.secret = credentials.secret;
    ex.password = credentials.password ?? "";
    ex.last_response_headers = undefined;
    try {
      return await fn(ex);
    } catch (err) {
      const mapped = mapCcxtError(err, {
        exchangeId: this.profile.exchangeId,
        operation,
        responseHeaders: ex.last_response_headers,
        venueCodes: this.profile.errorCodes,
        redact: [credentials.apiKey, credentials.secret, credentials.password],
      });
      if (mapped.code === "RATE_LIMITED" && mapped.retryAfterMs) {
        this.rateLimits.block(credentials.apiKey, mapped.retryAfterMs);
      }
      throw mapped;
    } finally {
      ex.apiKey = "";
      ex.secret = "";
      ex.password = "";
      ex.last_response_headers = undefined;
      for (const key of this.profile.accountScopedOptions) delete ex.options[key];
      this.restoreOptions(ex);
      this.pool.release(ex);
    }
  }

  /**
   * ccxt caches what it learns about the account in `options` (authentication state, account type, position
   * mode, leverage brackets...), under keys that differ per venue. A pooled instance serves the next follower
   * next, so every top-level option is put back as it was built: keys added are removed, keys replaced restored.
   */
  private restoreOptions(ex: Exchange): void {
    const pristine = this.pristineOptions.get(ex);
    if (!pristine) return;
    const options = ex.options as Record<string, unknown>;
    const shared = this.profile.sharedOptions ?? [];
    for (const key of Object.keys(options)) {
      if (shared.includes(key)) continue;
      if (!pristine.has(key)) delete options[key];
      else if (options[key] !== pristine.get(key)) options[key] = pristine.get(key);
    }
    for (const [key, value] of pristine) if (!(key in options)) options[key] = value;
  }

  stats(): VenueStats {
    return {
      instancesBuilt: this.pool.size,
      idle: this.pool.idleCount,
      waiting: this.pool.waiting,
      marketLoads: this.markets.loads,
    };
  }

  close(): void {
    for (const ex of this.pool.all()) closeInstance(ex);
    const source = this.markets.peek();
    if (source) closeInstance(source);
  }

  private build(): Exchange {
    const ex = new this.exchangeClass({
      // ccxt's limiter is per instance and would throttle every follower on it together; limits are per key
      // and enforced by the caller.
      enableRateLimit: false,
      timeout: this.opts.timeoutMs,
      options: structuredClone(this.profile.ccxtOptions),
    });
    // Headers are needed (Retry-After); bodies are not, and would pin the last response of every instance.
    ex.enableLastHttpResponse = false;
    ex.enableLastJsonResponse = false;
    if (this.opts.urlOverride) applyUrlOverride(ex, this.opts.urlOverride);
    useNativeHmac(ex);
    this.pristineOptions.set(ex, new Map(Object.entries(ex.options as Record<string, unknown>)));
    return ex;
  }
}

/** ccxt keeps a keep-alive undici Agent per instance; REST-only instances have no close() of their own. */
function closeInstance(ex: Exchange): void {
  const dispatcher = (ex as unknown as { fetchDispatcher?: { close?: () => Promise<void> } }).fetchDispatcher;
  dispatcher?.close?.().catch(() => undefined);
}
