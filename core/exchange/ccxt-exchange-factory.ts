import type { Decimal } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { CcxtExchangeClient } from "./ccxt-exchange-client.ts";
import { CcxtVenue, type ExchangeLogger, type VenueStats } from "./ccxt-venue.ts";
import type { ExchangeClient, ExchangeCredentials } from "./exchange.ts";
import { genericVenueProfile } from "./generic-venue-profile.ts";
import { genericVenueRefusal } from "./generic-venue-support.ts";
import { venueProfiles } from "./venue-profiles.ts";

export interface CcxtExchangeFactoryOptions {
  /** ccxt exchange id -> base URL (e.g. "http://127.0.0.1:9999") serving that venue's API paths. Tests only. */
  urlOverrides?: Record<string, string>;
  /** How long loaded markets are trusted before a background refresh. Default 1 h. */
  marketsTtlMs?: number;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  /** Upper bound of pooled ccxt instances per venue; callers beyond it wait. Default 256. */
  maxInstancesPerExchange?: number;
  logger?: ExchangeLogger;
}

export interface CcxtExchangeFactory {
  isSupported(exchangeId: string): boolean;
  /** Why `exchangeId` cannot be traded, for the user; undefined when it can. */
  unsupportedReason(exchangeId: string): string | undefined;
  supportedExchanges(): string[];
  /** Cheap: binds credentials to the shared venue; no ccxt instance is built here. */
  forAccount(exchangeId: string, credentials: ExchangeCredentials): ExchangeClient;
  /** Fetches the symbol's last price into the cache of every venue built so far; failures are ignored. */
  warmPrice(symbol: string): void;
  /** A venue's public last price for a unified symbol (no keys): what paper accounts trade at. */
  publicPrice(exchangeId: string, symbol: string): Promise<Decimal>;
  stats(): Record<string, VenueStats>;
  close(): void;
}

export function createCcxtExchangeFactory(opts: CcxtExchangeFactoryOptions = {}): CcxtExchangeFactory {
  const venues = new Map<string, CcxtVenue>();
  const unsupportedReason = (exchangeId: string) =>
    venueProfiles.has(exchangeId) ? undefined : genericVenueRefusal(exchangeId);

  const venueFor = (exchangeId: string): CcxtVenue => {
    let venue = venues.get(exchangeId);
    if (venue) return venue;
    const refusal = unsupportedReason(exchangeId);
    if (refusal) throw new AppError("BAD_REQUEST", `exchange: ${refusal}`, { details: { field: "exchange" } });
    const profile = venueProfiles.get(exchangeId) ?? genericVenueProfile(exchangeId);
    venue = new CcxtVenue({
      profile,
      urlOverride: opts.urlOverrides?.[exchangeId],
      timeoutMs: opts.timeoutMs ?? 10_000,
      marketsTtlMs: opts.marketsTtlMs ?? 3_600_000,
      maxInstances: opts.maxInstancesPerExchange ?? 256,
      logger: opts.logger,
    });
    venues.set(exchangeId, venue);
    return venue;
  };

  return {
    isSupported: (exchangeId) => unsupportedReason(exchangeId) === undefined,
    unsupportedReason,
    /** The venues walked through against fakes; other ccxt ids that pass `genericVenueRefusal` work too. */
    supportedExchanges: () => [...venueProfiles.keys()],
    forAccount: (exchangeId, credentials) => new CcxtExchangeClient(venueFor(exchangeId), credentials),
    warmPrice(symbol) {
      // A venue without this market, or one that is down, answers its first follower the same way later.
      for (const venue of venues.values()) venue.lastPrice(symbol).catch(() => undefined);
    },
    publicPrice: (exchangeId, symbol) => venueFor(exchangeId).lastPrice(symbol),
    stats: () => Object.fromEntries([...venues].map(([id, venue]) => [id, venue.stats()])),
    close() {
      for (const venue of venues.values()) venue.close();
      venues.clear();
    },
  };
}
