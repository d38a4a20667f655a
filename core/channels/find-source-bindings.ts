import { LRUCache } from "lru-cache";
import type { DbClient } from "../platform/db-client.ts";

export interface SourceBinding {
  bindingId: string;
  strategyId: string;
  strategySlug: string;
  /** The user id or webhook id whose messages count. */
  posterId: string;
}

export interface SourceMatch {
  /** The channel is a source channel at all: a message that matches nothing here is ignored (log it at debug). */
  source: boolean;
  /** The bindings whose poster wrote this message: each makes it a signal of its strategy. */
  matches: SourceBinding[];
}

export interface MessageOrigin {
  channelId: string;
  /** The message's `author.id`. */
  authorId: string;
  /** The message's `webhook_id`, when a webhook posted it. */
  webhookId?: string | null;
}

export interface SourceBindingLookup {
  find(message: MessageOrigin): Promise<SourceMatch>;
  /** Drops the channel's entry: bindChannel/unbindChannel call it so a change takes effect at once here. */
  forget(channelId: string): void;
}

/** The source bindings of one channel (the unique (channelId, kind, strategyId) index serves it). */
export async function loadSourceBindings(channelId: string, deps: { db: DbClient }): Promise<SourceBinding[]> {
  const rows = await deps.db.channelBinding.findMany({
    where: { channelId, kind: "source" },
    select: { id: true, strategyId: true, posterId: true, strategy: { select: { slug: true } } },
  });
  return rows.flatMap((r) =>
    r.posterId
      ? [{ bindingId: r.id, strategyId: r.strategyId, strategySlug: r.strategy.slug, posterId: r.posterId }]
      : [],
  );
}

export function matchSource(bindings: SourceBinding[], message: MessageOrigin): SourceMatch {
  const matches = bindings.filter(
    (b) => b.posterId === message.authorId || (!!message.webhookId && b.posterId === message.webhookId),
  );
  return { source: bindings.length > 0, matches };
}

/** Uncached: one query. The message listener should use `createSourceBindingLookup`. */
export async function findSourceBindings(message: MessageOrigin, deps: { db: DbClient }): Promise<SourceMatch> {
  return matchSource(await loadSourceBindings(message.channelId, deps), message);
}

/**
 * The message listener asks for every message the bot sees, in every channel: each channel's source bindings
 * (none, for most) are cached for `ttlMs`. A bind or unbind in this process forgets the channel at once; one made
 * by another bot process is seen within `ttlMs`.
 */
export function createSourceBindingLookup(
  db: DbClient,
  opts: { ttlMs?: number; max?: number } = {},
): SourceBindingLookup {
  const cache = new LRUCache<string, SourceBinding[]>({
    max: opts.max ?? 10_000,
    ttl: opts.ttlMs ?? 10_000,
    fetchMethod: (channelId) => loadSourceBindings(channelId, { db }),
  });
  return {
    async find(message) {
      const { channelId } = message;
      // A forget() while the channel is being read aborts that read: read again, past the cache.
      const bindings = await cache.fetch(channelId).catch(() => loadSourceBindings(channelId, { db }));
      return matchSource(bindings ?? [], message);
    },
    forget: (channelId) => void cache.delete(channelId),
  };
}
