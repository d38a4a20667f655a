import { LRUCache } from "lru-cache";

/**
 * Counts failed webhook deliveries (a wrong passphrase per strategy and sender; an unknown strategy per sender), a
 * window of `windowMs` at a time from a key's first failure. Only failures are counted, so a sender whose
 * passphrase is right is never held back by it.
 */
export interface WebhookGuard {
  /** True once `key` has failed `limit` times within the window. */
  blocked(key: string): boolean;
  failed(key: string): void;
}

export function createWebhookGuard(
  opts: { limit?: number; windowMs?: number; now?: () => number; maxKeys?: number } = {},
): WebhookGuard {
  const limit = opts.limit ?? 20;
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  // Per key, the failures of the window that began with its first failure: two numbers, so a flood of senders
  // (IPv6 gives anyone many) costs little memory, and the least recently failing keys are forgotten first.
  const failures = new LRUCache<string, { since: number; count: number }>({ max: opts.maxKeys ?? 50_000 });
  return {
    blocked(key) {
      const f = failures.peek(key);
      return !!f && f.count >= limit && now() - f.since < windowMs;
    },
    failed(key) {
      const t = now();
      const f = failures.get(key);
      if (!f || t - f.since >= windowMs) failures.set(key, { since: t, count: 1 });
      else f.count += 1;
    },
  };
}
