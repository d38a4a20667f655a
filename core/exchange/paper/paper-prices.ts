import { type Decimal, dec } from "../../platform/decimal.ts";
import { AppError } from "../../platform/errors.ts";

/** A real venue's last price for a unified symbol (ccxt's public ticker, no keys); throws when it has none. */
export type LivePrice = (symbol: string) => Promise<Decimal>;

export interface PaperPrices {
  /**
   * The price a paper order fills at: the live venue's, else the operator's PAPER_PRICES, else `reference` (the
   * signal's price). Throws NO_PRICE when there is none.
   */
  fillPrice(symbol: string, reference?: Decimal): Promise<Decimal>;
  /** The price resting TP/SL are checked against: live or configured only, never a signal's stale reference. */
  markPrice(symbol: string): Promise<Decimal | undefined>;
}

export interface PaperPriceOptions {
  live?: LivePrice;
  /** PAPER_PRICES: fixed prices per unified symbol, for venues without a public price (or offline runs). */
  configured?: Record<string, string>;
  /** After the live venue failed, how long it is left alone (an offline machine would pay a timeout per order). */
  liveBackoffMs?: number;
  now?: () => number;
}

/** Live, then configured, then the signal's price: paper fills follow the real market whenever it is reachable. */
export function createPaperPrices(opts: PaperPriceOptions): PaperPrices {
  const backoffMs = opts.liveBackoffMs ?? 30_000;
  const now = opts.now ?? Date.now;
  let liveDownUntil = 0;

  const live = async (symbol: string): Promise<Decimal | undefined> => {
    if (!opts.live || now() < liveDownUntil) return undefined;
    try {
      const price = await opts.live(symbol);
      return price.gt(0) ? price : undefined;
    } catch (err) {
      // An unknown market is that symbol's problem; anything else (no network, venue down) is the venue's.
      if (!(err instanceof AppError && err.code === "UNKNOWN_MARKET")) liveDownUntil = now() + backoffMs;
      return undefined;
    }
  };
  const configured = (symbol: string) => {
    const value = opts.configured?.[symbol];
    return value ? dec(value) : undefined;
  };

  return {
    async fillPrice(symbol, reference) {
      const price = (await live(symbol)) ?? configured(symbol) ?? (reference?.gt(0) ? reference : undefined);
      if (!price) {
        throw new AppError("NO_PRICE", `paper trading has no price for ${symbol}: send "price" in the signal`);
      }
      return price;
    },
    async markPrice(symbol) {
      return (await live(symbol)) ?? configured(symbol);
    },
  };
}
