import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// The fake itself, spoken to with bare fetch + HMAC (the way a benchmark baseline would).

let fake: FakeBinance;

async function signed(
  method: string,
  path: string,
  params: Record<string, string>,
  apiKey: string,
  secret = `secret-${apiKey}`,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) }).toString();
  const signature = createHmac("sha256", secret).update(query).digest("hex");
  const full = `${query}&signature=${signature}`;
  const res =
    method === "GET" || method === "DELETE"
      ? await fetch(`${fake.url}${path}?${full}`, { method, headers: { "X-MBX-APIKEY": apiKey } })
      : await fetch(`${fake.url}${path}`, {
          method,
          headers: { "X-MBX-APIKEY": apiKey, "Content-Type": "application/x-www-form-urlencoded" },
          body: full,
        });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

const market = (clientId: string, quantity = "0.01", extra: Record<string, string> = {}) => ({
  symbol: "BTCUSDT",
  side: "BUY",
  type: "MARKET",
  quantity,
  newClientOrderId: clientId,
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "5000" });
});

afterAll(async () => {
  await fake.close();
});

describe("fake Binance USDⓈ-M", () => {
  it("serves exchangeInfo with real-looking filters", async () => {
    const info = (await (await fetch(`${fake.url}/fapi/v1/exchangeInfo`)).json()) as {
      symbols: Array<{ symbol: string; filters: Array<Record<string, string>> }>;
    };
    expect(info.symbols.map((s) => s.symbol)).toEqual(["BTCUSDT", "ETHUSDT", "SOLUSDT"]);
    const btc = info.symbols[0]?.filters ?? [];
    expect(btc).toContainEqual(expect.objectContaining({ filterType: "LOT_SIZE", stepSize: "0.001" }));
    expect(btc).toContainEqual(expect.objectContaining({ filterType: "MIN_NOTIONAL", notional: "100" }));
  });

  it("verifies signatures per key: implied secret for unknown keys, registered secret otherwise", async () => {
    expect((await signed("GET", "/fapi/v3/account", {}, "auto-1")).status).toBe(200);
    const bad = await signed("GET", "/fapi/v3/account", {}, "auto-2", "wrong");
    expect([bad.status, bad.body.code]).toEqual([400, -1022]);
    // A failed signature does not create the account.
    expect(fake.account("auto-2")).toBeUndefined();

    fake.addKey("reg-1", "my-own-secret", "123");
    expect((await signed("GET", "/fapi/v3/account", {}, "reg-1")).body.code).toBe(-1022);
    const ok = await signed("GET", "/fapi/v3/account", {}, "reg-1", "my-own-secret");
    expect(ok.body.availableBalance).toBe("123.00000000");

    fake.revokeKey("reg-1");
    const revoked = await signed("GET", "/fapi/v3/account", {}, "reg-1", "my-own-secret");
    expect([revoked.status, revoked.body.code]).toEqual([401, -2015]);
  });

  it("fills market orders, counts creates per client id, and rejects a duplicate id only while it is open", async () => {
    const r = await signed("POST", "/fapi/v1/order", market("dup-1"), "orders-1");
    expect(r.body).toMatchObject({ status: "FILLED", executedQty: "0.010", avgPrice: "60000", clientOrderId: "dup-1" });
    // Binance only keeps client ids unique among open orders: a filled id can be reused, and that is what
    // the exactly-once counter is there to catch.
    await signed("POST", "/fapi/v1/order", market("dup-1"), "orders-1");
    expect(fake.creates("dup-1")).toBe(2);
    expect(fake.duplicateCreates()).toContainEqual({ clientOrderId: "dup-1", accepted: 2 });

    const algo = {
      algoType: "CONDITIONAL",
      symbol: "BTCUSDT",
      side: "SELL",
      type: "STOP_MARKET",
      quantity: "0.01",
      triggerPrice: "50000",
      reduceOnly: "true",
      clientAlgoId: "sl-open",
    };
    expect((await signed("POST", "/fapi/v1/algoOrder", algo, "orders-1")).body.algoStatus).toBe("NEW");
    expect((await signed("POST", "/fapi/v1/algoOrder", algo, "orders-1")).body.code).toBe(-4116);
  });

  it("enforces min notional, margin, reduce-only and unknown symbols", async () => {
    const key = "rules-1";
    expect((await signed("POST", "/fapi/v1/order", market("a", "0.001"), key)).body.code).toBe(-4164);
    expect((await signed("POST", "/fapi/v1/order", market("b", "2"), key)).body.code).toBe(-2019);
    expect((await signed("POST", "/fapi/v1/order", market("c", "0.01", { reduceOnly: "true" }), key)).body.code).toBe(
      -2022,
    );
    expect((await signed("POST", "/fapi/v1/order", { ...market("d"), symbol: "NOPEUSDT" }, key)).body.code).toBe(-1121);
    expect((await signed("POST", "/fapi/v1/order", { ...market("e"), type: "STOP_MARKET" }, key)).body.code).toBe(
      -4120,
    );
    // Leverage raises what the same balance can open.
    await signed("POST", "/fapi/v1/leverage", { symbol: "BTCUSDT", leverage: "50" }, key);
    expect((await signed("POST", "/fapi/v1/order", market("f", "2"), key)).body.status).toBe("FILLED");
  });

  it("fills an IOC limit at the mark within its limit, and expires it unfilled once the mark is past it", async () => {
    const key = "ioc-1";
    const ioc = (clientId: string, side: string, price: string) =>
      signed(
        "POST",
        "/fapi/v1/order",
        market(clientId, "0.01", { side, type: "LIMIT", price, timeInForce: "IOC" }),
        key,
      );
    fake.setPrice("BTCUSDT", "60000");
    try {
      expect((await ioc("ioc-buy", "BUY", "60180")).body).toMatchObject({
        status: "FILLED",
        executedQty: "0.010",
        avgPrice: "60000",
        type: "LIMIT",
        timeInForce: "IOC",
      });
      fake.setPrice("BTCUSDT", "60200");
      const refused = await ioc("ioc-late", "BUY", "60180");
      expect(refused.body).toMatchObject({ status: "EXPIRED", executedQty: "0.000" });
      expect(fake.account(key)?.positions.get("BTCUSDT")?.amt.toFixed()).toBe("0.01");
      // A sell takes the mark at or above its limit only.
      expect((await ioc("ioc-sell-late", "SELL", "60300")).body).toMatchObject({ status: "EXPIRED" });
      expect((await ioc("ioc-sell", "SELL", "60100")).body).toMatchObject({ status: "FILLED", avgPrice: "60200" });
      // Nothing rests: an IOC never counts as open.
      expect((await signed("GET", "/fapi/v1/openOrders", { symbol: "BTCUSDT" }, key)).body).toEqual([]);
    } finally {
      fake.setPrice("BTCUSDT", "60000");
    }
  });

  it("records requests sent before Retry-After passed as violations", async () => {
    fake.setFaults({ rateLimit429: { apiKeys: ["rl-key"] }, retryAfterSec: 2 });
    try {
      const first = await signed("POST", "/fapi/v1/order", market("rl-a"), "rl-key");
      expect(first.status).toBe(429);
      expect(first.headers.get("retry-after")).toBe("2");
      expect(fake.creates("rl-a")).toBe(0);
      const before = fake.stats().violations;
      expect((await signed("GET", "/fapi/v3/account", {}, "rl-key")).status).toBe(429);
      expect(fake.stats().violations).toBe(before + 1);
    } finally {
      fake.setFaults({});
    }
  });

  it("runs as its own process, driven over /__control", async () => {
    const child = spawn("node_modules/.bin/tsx", ["test/fake-binance/main.ts", "--port", "0", "--balance", "777"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const post = (path: string, body: unknown) =>
        fetch(`${line}${path}`, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
      expect(await post("/__control/price", { symbol: "BTCUSDT", price: "65000.5" })).toEqual({ ok: true });
      const ticker = (await (await fetch(`${line}/fapi/v1/ticker/price?symbol=BTCUSDT`)).json()) as { price: string };
      expect(ticker.price).toBe("65000.5");
      await post("/__control/keys", { apiKey: "p-1", balance: "42" });
      const account = (await (await fetch(`${line}/__control/account?apiKey=p-1`)).json()) as { wallet: string };
      expect(account.wallet).toBe("42");
      const stats = (await (await fetch(`${line}/__control/stats`)).json()) as { totalRequests: number };
      expect(stats.totalRequests).toBeGreaterThanOrEqual(4);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
