import type { Logger } from "pino";
import { createCcxtExchangeFactory } from "../exchange/ccxt-exchange-factory.ts";
import { createExchangeResolver, type ExchangeResolver } from "../exchange/exchange-resolver.ts";
import { createPaperPrices, type PaperPrices } from "../exchange/paper/paper-prices.ts";
import type { Env } from "./config.ts";
import { buildRuntime, type Runtime } from "./runtime.ts";

export interface TradingRuntime extends Runtime {
  exchanges: ExchangeResolver;
  /** The prices paper accounts fill and trigger at. */
  paperPrices: PaperPrices;
}

/**
 * Exchange clients (ccxt) over the runtime's cipher and database. Kept out of `buildRuntime` so that a process
 * that only takes webhooks never imports ccxt: it is about half of the API's heap (~48 of ~100 MB), and a major
 * collection of that heap stalled every webhook in flight for 40-70 ms while a fan-out ran.
 */
export function createExchanges(rt: Runtime): { exchanges: ExchangeResolver; paperPrices: PaperPrices; close(): void } {
  const ccxt = createCcxtExchangeFactory({
    urlOverrides: rt.env.CCXT_URL_OVERRIDES,
    timeoutMs: rt.env.EXCHANGE_TIMEOUT_MS,
    logger: rt.logger,
  });
  const venue = rt.env.PAPER_PRICE_VENUE;
  // One price chain for every paper account of the process, so an unreachable venue is backed off once.
  const paperPrices = createPaperPrices({
    live: venue ? (symbol) => ccxt.publicPrice(venue, symbol) : undefined,
    configured: rt.env.PAPER_PRICES,
  });
  const exchanges = createExchangeResolver({
    cipher: rt.cipher,
    ccxt,
    paper: { db: rt.db.prisma, prices: paperPrices },
  });
  return { exchanges, paperPrices, close: () => ccxt.close() };
}

/** The runtime of the entry points that place orders or link accounts: workers, bots, `npm start`. */
export async function buildTradingRuntime(env: Env, logger: Logger): Promise<TradingRuntime> {
  const rt = await buildRuntime(env, logger);
  const { exchanges, paperPrices, close } = createExchanges(rt);
  return {
    ...rt,
    exchanges,
    paperPrices,
    async close() {
      close();
      await rt.close();
    },
  };
}
