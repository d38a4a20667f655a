import ccxt from "ccxt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BTC, ccxtClient, ETH, idOf, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Per-symbol caps on open orders, and the matching engine's second recvWindow check.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterEach(() => fake.setFaults({}));

afterAll(async () => {
  await fake.close();
});

const stop = (clientOrderId: string, price = 50000) =>
  [BTC, "market", "sell", 0.01, undefined, { stopLossPrice: price, reduceOnly: true, clientOrderId }] as const;

describe("open order limits", () => {
  it("publishes MAX_NUM_ORDERS and MAX_NUM_ALGO_ORDERS in exchangeInfo", async () => {
    const ex = await ccxtClient(fake.url, "limits-0");
    const filters = (ex.market(BTC).info as { filters: Array<Record<string, unknown>> }).filters;
    expect(filters).toContainEqual({ filterType: "MAX_NUM_ORDERS", limit: 200 });
    expect(filters).toContainEqual({ filterType: "MAX_NUM_ALGO_ORDERS", limit: 10 });
  });

  it("refuses an 11th open conditional order in a symbol with -4045, per account and symbol", async () => {
    const ex = await ccxtClient(fake.url, "limits-1");
    await ex.createOrder(BTC, "market", "buy", 0.01);
    await ex.createOrder(ETH, "market", "buy", 0.1);
    const placed = [];
    for (let i = 0; i < 10; i++) placed.push(await ex.createOrder(...stop(`sl-${i}`, 50000 + i * 100)));
    const eleventh = await thrown(ex.createOrder(...stop("sl-10")));
    expect(eleventh).toBeInstanceOf(ccxt.OperationRejected);
    expect(eleventh.message).toContain('"code":-4045');
    expect(eleventh.message).toContain("Reach max stop order limit.");
    expect(fake.creates("sl-10")).toBe(0);

    // Another symbol, and another account, have room of their own.
    await ex.createOrder(ETH, "market", "sell", 0.1, undefined, { stopLossPrice: 2500, reduceOnly: true });
    const other = await ccxtClient(fake.url, "limits-2");
    await other.createOrder(BTC, "market", "buy", 0.01);
    await other.createOrder(...stop("other-sl"));

    // A slot frees up when one is canceled (or fills).
    await ex.cancelOrder(idOf(placed[0] ?? {}), BTC, { trigger: true });
    expect((await ex.createOrder(...stop("sl-10"))).status).toBe("open");
  });

  it("refuses a 201st open order in a symbol with -2025", async () => {
    const ex = await ccxtClient(fake.url, "limits-3");
    for (let i = 0; i < 200; i++) await ex.createOrder(BTC, "limit", "buy", 0.01, 50000);
    expect(fake.account("limits-3")?.orders.size).toBe(200);
    const over = await thrown(ex.createOrder(BTC, "limit", "buy", 0.01, 50000));
    expect(over).toBeInstanceOf(ccxt.OperationRejected);
    expect(over.message).toContain("-2025");
  });
});

describe("recvWindow at the matching engine", () => {
  it("refuses an order that queued past its recvWindow with -5028, and records nothing", async () => {
    fake.setFaults({ orderLatencyMs: 400 });
    const ex = await ccxtClient(fake.url, "me-1", { options: { recvWindow: 300 } });
    const late = await thrown(ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "me-late" }));
    expect(late).toBeInstanceOf(ccxt.BadRequest);
    expect(late.message).toContain('"code":-5028');
    expect(late.message).toContain("Timestamp for this request is outside of the ME recvWindow.");
    expect(fake.creates("me-late")).toBe(0);
    expect(fake.account("me-1")?.orders.size).toBe(0);
    expect(fake.account("me-1")?.positions.size).toBe(0);

    // Binance's default recvWindow (5000) covers the same queueing.
    const patient = await ccxtClient(fake.url, "me-2");
    const placed = await patient.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "me-ok" });
    expect(placed.status).toBe("closed");
    expect(fake.creates("me-ok")).toBe(1);
  });
});
