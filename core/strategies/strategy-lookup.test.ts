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

  it("re-reads for a refused passphrase at most once a second, keeping the entry meanwhile", async () => {
    const store = slowDb(v1);
    let now = 0;
    const lookup = createStrategyLookup(store.db, { ttlMs: 60_000, recheckMs: 1_000, now: () => now });
    const first = lookup.bySlug("alpha");
    store.finishReads();
    await first;
    store.set(v2);
    const rechecked = lookup.recheck("alpha");
    // Deliveries during the re-read are still answered from the cache: the entry was not dropped.
    expect(await lookup.bySlug("alpha")).toEqual(v1);
    store.finishReads();
    expect(await rechecked).toEqual(v2);
    expect(store.reads).toBe(2);
    for (let i = 0; i < 100; i++) await lookup.recheck("alpha");
    expect(store.reads).toBe(2);
    now += 1_000;
    const again = lookup.recheck("alpha");
    store.finishReads();
    await again;
    expect(store.reads).toBe(3);
  });

  it("remembers that a slug is unknown, briefly", async () => {
    const reads = { n: 0 };
    const db = {
      strategy: {
        findUnique: async () => {
          reads.n++;
          return null;
        },
      },
    } as unknown as DbClient;
    const lookup = createStrategyLookup(db, { ttlMs: 60_000, negativeTtlMs: 20 });
    for (let i = 0; i < 50; i++) expect(await lookup.bySlug("ghost")).toBeNull();
    expect(reads.n).toBe(1);
    await sleep(30);
    await lookup.bySlug("ghost");
    await sleep(0);
    expect(reads.n).toBe(2);
    lookup.forget("ghost");
    await lookup.bySlug("ghost");
    expect(reads.n).toBe(3);
  });
});
