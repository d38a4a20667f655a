import { setTimeout as sleep } from "node:timers/promises";
import type { RESTOptions } from "@discordjs/rest";

type MakeRequest = RESTOptions["makeRequest"];

/**
 * The HTTP call under @discordjs/rest's queue, paced right where the request leaves (so the spacing Discord sees
 * is the spacing we keep). A global 429 is waited out here by its exact `retry_after` and sent again: REST itself
 * would stop every request for the whole seconds of the Retry-After header (one second for a 20 ms overrun).
 * Per-route 429s go up to REST, which keeps the route buckets.
 */
export function pacedFetch(pace: () => Promise<void>, opts: { maxGlobalRetries?: number } = {}): MakeRequest {
  const maxRetries = opts.maxGlobalRetries ?? 3;
  return (async (url: string, init: RequestInit) => {
    // A stream can be sent once only; JSON (a string) and files (FormData) can be sent again.
    const resendable = init.body == null || typeof init.body === "string" || init.body instanceof FormData;
    for (let attempt = 0; ; attempt++) {
      await pace();
      const res = await fetch(url, init);
      if (res.status !== 429 || !resendable || attempt >= maxRetries) return res;
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { global?: boolean; retry_after?: number } | null;
      if (!body?.global || typeof body.retry_after !== "number") return res;
      await sleep(Math.ceil(body.retry_after * 1000));
    }
  }) as unknown as MakeRequest;
}
