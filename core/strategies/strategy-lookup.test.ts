import { describe, expect, it } from "vitest";
import type { DbClient } from "../platform/db-client.ts";
import { createStrategyLookup, type StrategyAuth } from "./strategy-lookup.ts";

/** A database whose strategy reads are counted and complete only when the test says so. */
function slowDb(initial: StrategyAuth) {
  let current = initial;
  const pending: (() => void)[] = [];
  const state = {
    reads: 0,
    set(next: StrategyAuth) {
      current = next;
    },
    finishReads() {
      for (const done of pending.splice(0)) done();
    },
    db: {
      strategy: {
        findUnique: () => {
          state.reads++;
          const answer = current;
          return new Promise<StrategyAuth>((resolve) => pending.push(() => resolve(answer)));
        },
      },
    } as unknown as DbClient,
  };
  return state;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("strategy lookup", () => {
  const v1 = { id: "s1", slug: "alpha", passphraseHash: "hash-1" };
  const v2 = { ...v1, passphraseHash: "hash-2" };

  it("answers from the cache, and after the TTL once more from it while the row is read again", async () => {
    const store = slowDb(v1);
    const lookup = createStrategyLookup(store.db, { ttlMs: 20 });
    const first = lookup.bySlug("alpha");
    store.finishReads();
    expect(await first).toEqual(v1);
    expect(await lookup.bySlug("alpha")).toEqual(v1);
    expect(store.reads).toBe(1);

    store.set(v2);
    await sleep(30);
    // Expired: the delivery is not held up by the read it starts.
    expect(await lookup.bySlug("alpha")).toEqual(v1);
    expect(store.reads).toBe(2);
    store.finishReads();
    await sleep(0);
    expect(await lookup.bySlug("alpha")).toEqual(v2);
  });

  it("waits for the database when asked for a fresh answer", async () => {
    const store = slowDb(v1);
    const lookup = createStrategyLookup(store.db, { ttlMs: 60_000 });
    const first = lookup.bySlug("alpha");
    store.finishReads();
    await first;
    store.set(v2);
    const fresh = lookup.bySlug("alpha", { fresh: true });
    store.finishReads();
    expect(await fresh).toEqual(v2);
  });
});
