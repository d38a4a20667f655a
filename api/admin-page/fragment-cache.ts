import type { MiddlewareHandler } from "hono";
import type { AdminEnv } from "./admin-env.ts";

/** How long a page's re-read (a live update's fragment) is served to every other open page asking for it. */
const FRAGMENT_TTL_MS = 1000;
const MAX_ENTRIES = 200;

/**
 * Live updates make every open page re-read its <main> (at most twice a second each): twenty pages open on a busy
 * fan-out were 2,000 renders, each a few database reads, competing with the webhook and the worker for the CPU
 * (bench:fanout -- --admin-pages 20). The pages show the same thing to every admin, so one render of a URL serves
 * all pages asking for it within a second.
 */
export function fragmentCache(now: () => number = Date.now): MiddlewareHandler<AdminEnv> {
  const cache = new Map<string, { at: number; body: string }>();
  return async (c, next) => {
    if (c.req.method !== "GET" || c.req.header("x-admin-fragment") !== "1") return next();
    const key = c.req.url;
    const hit = cache.get(key);
    const at = now();
    if (hit && at - hit.at < FRAGMENT_TTL_MS) {
      c.header("x-admin-fragment", "1");
      return c.html(hit.body);
    }
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    cache.delete(key);
    cache.set(key, { at, body });
    // Oldest first in a Map: what is left over the bound goes.
    for (const k of cache.keys()) {
      if (cache.size <= MAX_ENTRIES) break;
      cache.delete(k);
    }
  };
}
