import { LRUCache } from "lru-cache";
import type { DbClient } from "../platform/db-client.ts";

export interface StrategyAuth {
  id: string;
  slug: string;
  passphraseHash: string;
}

export interface StrategyLookup {
  /** null: no such strategy (remembered briefly too, so unknown slugs cost no read per delivery). */
  bySlug(slug: string): Promise<StrategyAuth | null>;
  /**
   * Reads the strategy again before a passphrase is refused, in case it was rotated through another process
   * since it was cached: at most once per `recheckMs` per slug, keeping the cached entry meanwhile, so that
   * wrong passphrases cannot turn every delivery into a read.
   */
  recheck(slug: string): Promise<StrategyAuth | null>;
  forget(slug: string): void;
}

// The cache's marker for "no such strategy": lru-cache keeps no undefined values.
const MISSING: StrategyAuth = Object.freeze({ id: "", slug: "", passphraseHash: "" });
const found = (v: StrategyAuth | undefined) => (v === undefined || v === MISSING ? null : v);

/**
 * Webhooks look their strategy up on every delivery; a short-lived cache takes that round trip off the ack path.
 * A rotation made through another API process is seen within `ttlMs` and one more delivery, or within
 * `recheckMs` by a delivery that carries the new passphrase (`recheck`); a strategy created there within
 * `negativeTtlMs`.
 */
export function createStrategyLookup(
  db: DbClient,
  opts: { ttlMs?: number; negativeTtlMs?: number; recheckMs?: number; now?: () => number } = {},
): StrategyLookup {
  const now = opts.now ?? Date.now;
  const recheckMs = opts.recheckMs ?? 1_000;
  const negativeTtl = opts.negativeTtlMs ?? 2_000;
  const load = (slug: string) =>
    db.strategy.findUnique({ where: { slug }, select: { id: true, slug: true, passphraseHash: true } });
  const cache = new LRUCache<string, StrategyAuth>({
    max: 10_000,
    ttl: opts.ttlMs ?? 2_000,
    // An expired entry is served once more while it is re-read in the background: otherwise one delivery in
    // every hundred at 50/s waits for that read, which is the webhook's p99.
    allowStale: true,
    fetchMethod: async (slug, _stale, { options }) => {
      const row = await load(slug);
      if (row) return row;
      options.ttl = negativeTtl;
      return MISSING;
    },
  });
  // When each slug was last re-read for a refused passphrase.
  const rechecked = new LRUCache<string, number>({ max: 10_000 });
  return {
    async bySlug(slug) {
      return found(await cache.fetch(slug));
    },
    async recheck(slug) {
      const last = rechecked.get(slug);
      if (last !== undefined && now() - last < recheckMs) return found(await cache.fetch(slug));
      rechecked.set(slug, now());
      // Concurrent deliveries keep being answered from the entry (stale) while this read is in flight.
      return found(await cache.fetch(slug, { forceRefresh: true, allowStale: false }));
    },
    forget: (slug) => {
      cache.delete(slug);
      rechecked.delete(slug);
    },
  };
}
