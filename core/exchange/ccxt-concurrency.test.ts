import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { dec } from "../platform/decimal.ts";
import { createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterAll(async () => {
  await fake.close();
});

describe("pooled ccxt instances under concurrency", () => {
  it("200 keys ordering at once share a bounded pool, and every order is signed with its own key", async () => {
    const factory = createCcxtExchangeFactory({
      urlOverrides: { binanceusdm: fake.url },
      maxInstancesPerExchange: 16,
    });
    try {
      // A shared instance that leaked one follower's credentials into another's call would fail the fake's
      // signature check (-1022), or place the order on the wrong account: both are asserted below.
      const keys = Array.from({ length: 200 }, (_, i) => `conc-${i}`);
      const results = await Promise.all(
        keys.map((apiKey) =>
          factory.forAccount("binanceusdm", { apiKey, secret: `secret-${apiKey}` }).createOrder({
            symbol: "ETH/USDT:USDT",
            side: "buy",
            type: "market",
            amount: dec("0.01"),
            clientOrderId: `order-of-${apiKey}`,
          }),
        ),
      );
      expect(results.length).toBeGreaterThan(0);
      expect(results.every((r) => r.status === "filled")).toBe(true);
      for (const apiKey of keys) {
        const account = fake.account(apiKey);
        expect([...(account?.orders.values() ?? [])].map((o) => o.clientOrderId)).toEqual([`order-of-${apiKey}`]);
      }
      const stats = factory.stats().binanceusdm;
      expect(stats?.instancesBuilt).toBeGreaterThan(1);
      expect(stats?.instancesBuilt).toBeLessThanOrEqual(16);
      expect(stats?.waiting).toBe(0);
      expect(stats?.marketLoads).toBe(1);
      expect(fake.duplicateCreates()).toEqual([]);
    } finally {
      factory.close();
    }
  });

  it("sequential calls reuse one instance", async () => {
    const factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url } });
    try {
      for (let i = 0; i < 5; i++) {
        await factory.forAccount("binanceusdm", { apiKey: `seq-${i}`, secret: `secret-seq-${i}` }).fetchBalance();
      }
      expect(factory.stats().binanceusdm?.instancesBuilt).toBe(1);
    } finally {
      factory.close();
    }
  });

  it("refreshes the shared markets in the background once the TTL has passed", async () => {
    const factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, marketsTtlMs: 50 });
    try {
      const c = factory.forAccount("binanceusdm", { apiKey: "ttl-1", secret: "secret-ttl-1" });
      await Promise.all([c.fetchBalance(), c.market("BTC/USDT:USDT"), c.fetchPrice("BTC/USDT:USDT")]);
      expect(factory.stats().binanceusdm?.marketLoads).toBe(1);
      await sleep(60);
      await c.fetchBalance();
      await vi.waitFor(() => expect(factory.stats().binanceusdm?.marketLoads).toBe(2));
      const order = await c.createOrder({
        symbol: "BTC/USDT:USDT",
        side: "buy",
        type: "market",
        amount: dec("0.01"),
        clientOrderId: "after-refresh",
      });
      expect(order.status).toBe("filled");
    } finally {
      factory.close();
    }
  });
});
