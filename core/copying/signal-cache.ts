import { LRUCache } from "lru-cache";
import type { DbClient } from "../platform/db-client.ts";

async function loadSignal(db: DbClient, signalId: string) {
  return db.signal.findUnique({
    where: { id: signalId },
    include: { strategy: { select: { maxSignalAgeSec: true } } },
  });
}

export type CachedSignal = NonNullable<Awaited<ReturnType<typeof loadSignal>>>;

export interface SignalCache {
  get(signalId: string): Promise<CachedSignal | null>;
}

/** A signal never changes once received, so the thousands of executions of one fan-out read it once. */
export function createSignalCache(db: DbClient): SignalCache {
  const cache = new LRUCache<string, CachedSignal>({
    max: 1_000,
    ttl: 60_000,
    fetchMethod: async (signalId) => (await loadSignal(db, signalId)) ?? undefined,
  });
  return { get: async (signalId) => (await cache.fetch(signalId)) ?? null };
}
