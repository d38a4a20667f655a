import { LRUCache } from "lru-cache";
import type { DbClient } from "../platform/db-client.ts";

export interface StrategyAuth {
  id: string;
  slug: string;
  passphraseHash: string;
}

export interface StrategyLookup {
  /** `fresh` skips the cache: used to re-check before refusing a passphrase that may have just been rotated. */
  bySlug(slug: string, opts?: { fresh?: boolean }): Promise<StrategyAuth | null>;
  forget(slug: string): void;
}

/**
 * Webhooks look their strategy up on every delivery; a short-lived cache takes that round trip off the ack path.
 * A rotation made through another API process is seen within `ttlMs` and one more delivery.
 */
export function createStrategyLookup(db: DbClient, opts: { ttlMs?: number } = {}): StrategyLookup {
  const load = (slug: string) =>
    db.strategy.findUnique({ where: { slug }, select: { id: true, slug: true, passphraseHash: true } });
  const cache = new LRUCache<string, StrategyAuth>({
    max: 10_000,
    ttl: opts.ttlMs ?? 2_000,
    // An expired entry is served once more while it is re-read in the background: otherwise one delivery in
    // every hundred at 50/s waits for that read, which is the webhook's p99.
    allowStale: true,
    fetchMethod: async (slug) => (await load(slug)) ?? undefined,
  });
  return {
    async bySlug(slug, o = {}) {
      if (o.fresh) cache.delete(slug);
      return (await cache.fetch(slug)) ?? null;
    },
    forget: (slug) => cache.delete(slug),
  };
}
