import type { Exchange } from "ccxt";

// The one test hook: every urls.api entry keeps its path but moves to `baseUrl`, e.g.
// https://fapi.binance.com/fapi/v1 -> http://127.0.0.1:9999/fapi/v1. Nothing else about the instance changes.

type UrlTree = { [key: string]: string | UrlTree };
type ExceptionsByUrl = (url: string, exactOrBroad: string) => unknown;

const ORIGIN = /^https?:\/\/[^/]+/;

export function applyUrlOverride(ex: Exchange, baseUrl: string): void {
  const base = baseUrl.replace(/\/+$/, "");
  const moved: Array<[local: string, original: string]> = [];
  const rewrite = (tree: UrlTree) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === "string") {
        const local = value.replace(ORIGIN, base);
        tree[key] = local;
        moved.push([local, value]);
      } else {
        rewrite(value);
      }
    }
  };
  rewrite(ex.urls.api as UrlTree);
  keepExceptionLookup(ex, moved);
}

/**
 * Binance picks its per-market error table (linear: -2019 -> InsufficientFunds, ...) by matching the request
 * URL against its real hosts, so a moved URL would silently fall back to coarser classes. Translating the URL
 * back keeps the error classes identical to production.
 */
function keepExceptionLookup(ex: Exchange, moved: Array<[string, string]>): void {
  const target = ex as unknown as { getExceptionsByUrl?: ExceptionsByUrl };
  const original = target.getExceptionsByUrl;
  if (typeof original !== "function") return;
  const longestFirst = [...moved].sort((a, b) => b[0].length - a[0].length);
  target.getExceptionsByUrl = (url: string, exactOrBroad: string) => {
    const hit = longestFirst.find(([local]) => url.startsWith(local));
    const real = hit ? hit[1] + url.slice(hit[0].length) : url;
    return original.call(ex, real, exactOrBroad);
  };
}
