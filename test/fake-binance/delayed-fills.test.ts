import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BTC, ccxtClient, control, idOf, sleep } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Market orders that answer before they fill (the delayedFill fault), seen through ccxt.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterEach(() => {
  fake.setFaults({});
  fake.setPrice("BTCUSDT", "60000");
});

afterAll(async () => {
  await fake.close();
});

const position = (apiKey: string, symbol = "BTCUSDT") => fake.account(apiKey)?.positions.get(symbol)?.amt.toFixed();

describe("market orders that do not fill at once", () => {
  it("new-then-fill: NEW with nothing filled, all of it filled on settlePending", async () => {
    fake.setFaults({ delayedFill: { clientOrderIds: ["nf-1"] }, fillAfterMs: 60_000 });
    const ex = await ccxtClient(fake.url, "delayed-1");
    const placed = await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "nf-1" });
    expect(placed).toMatchObject({ status: "open", filled: 0, clientOrderId: "nf-1" });
    expect(placed.info).toMatchObject({ status: "NEW", executedQty: "0.000" });
    expect((await ex.fetchOpenOrders(BTC)).map((o) => o.clientOrderId)).toEqual(["nf-1"]);
    expect(position("delayed-1")).toBeUndefined();
    // Other client ids are not matched.
    expect((await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "nf-2" })).status).toBe(
      "closed",
    );

    fake.setPrice("BTCUSDT", "60100");
    expect(fake.settlePending()).toBe(1);
    const later = await ex.fetchOrder(idOf(placed), BTC);
    expect(later).toMatchObject({ status: "closed", filled: 0.01, average: 60100 });
    expect(position("delayed-1")).toBe("0.02");
    expect(await ex.fetchOpenOrders(BTC)).toEqual([]);
  });

  it("partial-then-fill: PARTIALLY_FILLED, the rest on the timer at the price of that moment", async () => {
    fake.setFaults({ delayedFill: 1, delayedFillMode: "partial-then-fill", fillAfterMs: 150 });
    const ex = await ccxtClient(fake.url, "delayed-2");
    const placed = await ex.createOrder(BTC, "market", "buy", 0.01);
    // 40% by default, floored to the 0.001 step.
    expect(placed).toMatchObject({ status: "open", filled: 0.004, remaining: 0.006 });
    expect(placed.info).toMatchObject({ status: "PARTIALLY_FILLED" });
    fake.setPrice("BTCUSDT", "61000");
    await sleep(300);
    const later = await ex.fetchOrder(idOf(placed), BTC);
    // (0.004 × 60000 + 0.006 × 61000) / 0.01
    expect(later).toMatchObject({ status: "closed", filled: 0.01, average: 60600 });
    expect((await ex.fetchMyTrades(BTC)).map((t) => [t.amount, t.price])).toEqual([
      [0.004, 60000],
      [0.006, 61000],
    ]);
  });

  it("an IOC limit's later half fills only within its limit: past it, the rest expires", async () => {
    fake.setFaults({ delayedFill: 1, delayedFillMode: "partial-then-fill", fillAfterMs: 60_000 });
    const ex = await ccxtClient(fake.url, "delayed-ioc");
    const placed = await ex.createOrder(BTC, "limit", "buy", 0.01, 60180, { timeInForce: "IOC" });
    expect(placed).toMatchObject({ status: "open", filled: 0.004 });
    fake.setPrice("BTCUSDT", "60200");
    expect(fake.settlePending()).toBe(1);
    expect(await ex.fetchOrder(idOf(placed), BTC)).toMatchObject({ status: "expired", filled: 0.004 });
    expect(position("delayed-ioc")).toBe("0.004");
  });

  it("partial-then-expire: PARTIALLY_FILLED, then EXPIRED with only that part (set over /__control)", async () => {
    const rule = { delayedFill: { apiKeys: ["delayed-3"] }, delayedFillMode: "partial-then-expire" };
    await control(fake.url, "POST", "faults", { ...rule, fillAfterMs: 60_000, partialFillFraction: 0.5 });
    const ex = await ccxtClient(fake.url, "delayed-3");
    const placed = await ex.createOrder(BTC, "market", "buy", 0.01);
    expect(placed).toMatchObject({ status: "open", filled: 0.005 });
    expect((await control(fake.url, "POST", "settle")).body).toEqual({ settled: 1 });
    expect(await ex.fetchOrder(idOf(placed), BTC)).toMatchObject({ status: "expired", filled: 0.005 });
    expect(position("delayed-3")).toBe("0.005");
  });

  it("expire: EXPIRED at once with nothing filled", async () => {
    fake.setFaults({ delayedFill: { firstAttempts: 1 }, delayedFillMode: "expire" });
    const ex = await ccxtClient(fake.url, "delayed-4");
    const first = await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "exp-1" });
    expect(first).toMatchObject({ status: "expired", filled: 0 });
    expect(position("delayed-4")).toBeUndefined();
    // The id is free again and the retry is not matched.
    const retry = await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "exp-1" });
    expect(retry).toMatchObject({ status: "closed", filled: 0.01 });
  });

  it("a pending order can be canceled, and then never fills; the partial fraction floors to the step", async () => {
    fake.setFaults({ delayedFill: 1, delayedFillMode: "partial-then-fill", fillAfterMs: 60_000 });
    const ex = await ccxtClient(fake.url, "delayed-5");
    const sol = await ex.createOrder("SOL/USDT:USDT", "market", "buy", 3);
    // 3 × 0.4 = 1.2, floored to the step of 1.
    expect(sol.filled).toBe(1);
    expect((await ex.cancelOrder(idOf(sol), "SOL/USDT:USDT")).status).toBe("canceled");
    fake.settlePending();
    expect(await ex.fetchOrder(idOf(sol), "SOL/USDT:USDT")).toMatchObject({ status: "canceled", filled: 1 });
    expect(position("delayed-5", "SOLUSDT")).toBe("1");
  });

  it("a delayed reduce-only order fills only what the position still holds", async () => {
    const ex = await ccxtClient(fake.url, "delayed-6");
    await ex.createOrder(BTC, "market", "buy", 0.01);
    fake.setFaults({ delayedFill: 1, fillAfterMs: 60_000 });
    const close = await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { reduceOnly: true });
    fake.setFaults({});
    // Meanwhile the user closes half by hand.
    fake.userOrder("delayed-6", { symbol: "BTCUSDT", side: "SELL", qty: "0.004", reduceOnly: true });
    fake.settlePending();
    expect(await ex.fetchOrder(idOf(close), BTC)).toMatchObject({ status: "expired", filled: 0.006 });
    expect(position("delayed-6")).toBe("0");
  });
});
