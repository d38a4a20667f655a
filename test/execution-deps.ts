import { createExecutionLedger } from "../core/copying/execution-ledger.ts";
import { createSignalCache } from "../core/copying/signal-cache.ts";
import type { ExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import type { Db } from "../core/platform/db/create-db.ts";
import { silentLogger } from "../core/platform/logger.ts";
import type { createMemoryExchange } from "./memory-exchange.ts";

type MemoryExchange = ReturnType<typeof createMemoryExchange>;

/** Every account trades on the one in-memory venue. */
export function memoryResolver(venue: () => MemoryExchange): ExchangeResolver {
  return {
    forAccount: () => venue().client,
    forCredentials: () => venue().client,
    isSupported: () => true,
    warmPrice: () => undefined,
  };
}

/** What executeSubscription needs, over a test database and the in-memory venue, at the test's clock. */
export function executionDeps(db: Db, venue: () => MemoryExchange, now: () => Date = () => new Date()) {
  return {
    db: db.prisma,
    ledger: createExecutionLedger(db.prisma, db.sql),
    signals: createSignalCache(db.prisma),
    exchanges: memoryResolver(venue),
    clock: { now },
    logger: silentLogger,
  };
}
