import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../db.ts";
import { type FakeBinance, startFakeBinance } from "../fake-binance/start-fake-binance.ts";
import { createHarness, type Harness } from "../harness.ts";

type SignalView = {
  executions: {
    status: string;
    amount: string | null;
    price: string | null;
    clientOrderId: string;
    error?: string;
    errorCode?: string;
  }[];
};

describe("webhook to order on binanceusdm through real ccxt against the fake exchange", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeBinance;
  let h: Harness;
  let strategy: { slug: string; passphrase: string };
  const keys = ["alice", "bob", "carol"].map((name) => ({ apiKey: `key-${name}`, secret: `secret-${name}` }));
  const accountIds: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    fake = await startFakeBinance({ startingBalance: "10000" });
    fake.setPrice("BTCUSDT", "60000");
    h = createHarness({ db: testDb.db, ccxtUrlOverrides: { binanceusdm: fake.url } });
    strategy = await h.admin("POST", "/api/admin/strategies", { name: "Binance copy" });
    for (const key of keys) {
      fake.addKey(key.apiKey, key.secret, "10000");
      const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
      const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
        exchange: "binanceusdm",
        ...key,
      });
      accountIds.push(account.id);
      await h.admin("POST", "/api/admin/subscriptions", {
        accountId: account.id,
        strategy: strategy.slug,
        sizing: { mode: "risk", value: 10 },
        maxLeverage: 3,
      });
    }
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
    await testDb?.drop();
  });

  const fire = async (body: object) => {
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();
    return h.admin<SignalView>("GET", `/api/admin/signals/${signalId}`);
  };

  it("never stores a plaintext key or secret", async () => {
    const rows = await testDb.db.prisma.exchangeAccount.findMany({ where: { id: { in: accountIds } } });
    const dump = JSON.stringify(rows);
    for (const key of keys) {
      expect(dump).not.toContain(key.apiKey);
      expect(dump).not.toContain(key.secret);
    }
    expect(rows).toHaveLength(keys.length);
    expect(rows.every((r) => r.credentials?.startsWith("v1:"))).toBe(true);
  });

  it("refuses invalid keys before saving anything", async () => {
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    fake.addKey("key-revoked", "secret-revoked");
    fake.revokeKey("key-revoked");
    const before = await testDb.db.prisma.exchangeAccount.count();
    for (const creds of [
      { apiKey: "key-revoked", secret: "secret-revoked" },
      { apiKey: "key-alice", secret: "wrong-secret" },
    ]) {
      const res = await h.request("POST", `/api/admin/users/${user.id}/accounts`, {
        exchange: "binanceusdm",
        ...creds,
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: "INVALID_KEY" } });
    }
    expect(await testDb.db.prisma.exchangeAccount.count()).toBe(before);
  });

  it("places an entry per follower (IOC limit at the default cap) with leverage capped and reduce-only TP/SL", async () => {
    const signal = await fire({ symbol: "BINANCE:BTCUSDT.P", action: "long", leverage: 5, tp_perc: 2, sl_perc: 1 });
    // 10000 × 10% = 1000 margin × 3x (capped from 5) = 3000 / 60000 = 0.05 BTC
    expect(signal.executions).toEqual(
      Array(3).fill(expect.objectContaining({ status: "filled", amount: "0.05", price: "60000" })),
    );
    for (const [i, e] of signal.executions.entries()) {
      expect(fake.creates(e.clientOrderId)).toBe(1);
      const account = fake.account(keys[i]?.apiKey ?? "");
      expect(account?.leverage.get("BTCUSDT")).toBe(3);
      // No price in the signal: 0.3% (BTC's default) above the live 60000.
      const entry = account?.ordersByClientId.get(e.clientOrderId);
      expect(entry).toMatchObject({ type: "LIMIT", timeInForce: "IOC", status: "FILLED" });
      expect(entry?.price.toFixed()).toBe("60180");
    }
    const orders = await testDb.db.prisma.order.findMany({ where: { kind: { in: ["take_profit", "stop_loss"] } } });
    expect(orders).toHaveLength(6);
    expect(new Set(orders.map((o) => `${o.kind}:${o.triggerPrice}:${o.status}`))).toEqual(
      new Set(["take_profit:61200:open", "stop_loss:59400:open"]),
    );
    for (const o of orders) expect(fake.creates(o.clientOrderId)).toBe(1);
    expect(fake.duplicateCreates()).toEqual([]);
  });

  it("close closes every follower's position and cancels its TP/SL", async () => {
    const signal = await fire({ symbol: "BTCUSDT", action: "close" });
    expect(signal.executions.map((e) => [e.status, e.amount])).toEqual(Array(3).fill(["filled", "0.05"]));
    for (const key of keys) {
      const account = fake.account(key.apiKey);
      const positions = [...(account?.positions.values() ?? [])];
      expect(positions.length).toBeGreaterThan(0);
      expect(positions.every((p) => p.amt.isZero())).toBe(true);
      expect([...(account?.orders.values() ?? [])].filter((o) => o.status === "NEW")).toEqual([]);
      expect([...(account?.algoOrders.values() ?? [])].filter((o) => o.algoStatus === "NEW")).toEqual([]);
    }
  });

  it("a follower's failure (unknown market, insufficient margin) is recorded and holds up no one", async () => {
    const unknown = await fire({ symbol: "DOGEUSDT", action: "long" });
    expect(unknown.executions.map((e) => e.errorCode)).toEqual(Array(3).fill("UNKNOWN_MARKET"));

    fake.setBalance("key-bob", "1");
    const signal = await fire({ symbol: "ETHUSDT.P", action: "short", leverage: 2 });
    expect(signal.executions.map((e) => e.status)).toEqual(["filled", "failed", "filled"]);
    expect(signal.executions[1]).toMatchObject({ errorCode: "BELOW_MINIMUM" });
  });
});
