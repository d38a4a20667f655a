import { describe, expect, it } from "vitest";
import { InstancePool } from "./instance-pool.ts";
import { SharedMarkets } from "./shared-markets.ts";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("SharedMarkets", () => {
  it("loads once for concurrent first callers", async () => {
    let calls = 0;
    const markets = new SharedMarkets(
      async () => {
        calls += 1;
        await tick();
        return { v: calls };
      },
      { ttlMs: 1000 },
    );
    const all = await Promise.all([markets.current(), markets.current(), markets.current()]);
    expect(calls).toBe(1);
    expect(new Set(all).size).toBe(1);
  });

  it("serves the stale copy while refreshing after the TTL, and keeps it when the refresh fails", async () => {
    let now = 0;
    let fail = false;
    let n = 0;
    const errors: unknown[] = [];
    const markets = new SharedMarkets(
      async () => {
        if (fail) throw new Error("exchangeInfo down");
        n += 1;
        return `v${n}`;
      },
      { ttlMs: 100, now: () => now, onRefreshError: (e) => errors.push(e), retryAfterFailureMs: 50 },
    );
    expect(await markets.current()).toBe("v1");
    now = 150;
    expect(await markets.current()).toBe("v1");
    await tick();
    expect(await markets.current()).toBe("v2");
    now = 300;
    fail = true;
    expect(await markets.current()).toBe("v2");
    await tick();
    expect(errors).toHaveLength(1);
    // Backs off instead of retrying on every call.
    expect(await markets.current()).toBe("v2");
    await tick();
    expect(errors).toHaveLength(1);
    now = 360;
    fail = false;
    await markets.current();
    await tick();
    expect(await markets.current()).toBe("v3");
  });

  it("propagates a failed first load and retries on the next call", async () => {
    let fail = true;
    const markets = new SharedMarkets(
      async () => {
        if (fail) throw new Error("down");
        return "ok";
      },
      { ttlMs: 100 },
    );
    await expect(markets.current()).rejects.toThrow("down");
    fail = false;
    expect(await markets.current()).toBe("ok");
  });
});

describe("InstancePool", () => {
  it("grows only to the concurrency used, never beyond max, and hands out exclusively", async () => {
    let built = 0;
    const pool = new InstancePool(() => ({ id: ++built }), 2);
    const a = await pool.acquire();
    const b = await pool.acquire();
    let third: { id: number } | undefined;
    const waiting = pool.acquire().then((x) => {
      third = x;
    });
    await tick();
    expect(third).toBeUndefined();
    expect(pool.waiting).toBe(1);
    pool.release(a);
    await waiting;
    expect(third).toBe(a);
    pool.release(b);
    pool.release(a);
    expect(built).toBe(2);
    expect(pool.idleCount).toBe(2);
  });
});
