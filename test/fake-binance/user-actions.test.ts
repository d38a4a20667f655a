import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BY_CLIENT_ID } from "../../core/exchange/order-lookup.ts";
import { BinanceError } from "./binance-error.ts";
import { BTC, ccxtClient, control } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// The account's owner trading in the Binance app while Mimic manages the account.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterAll(async () => {
  await fake.close();
});

describe("orders and cancels by the user", () => {
  it("a user market order fills like any other, named like the app's, outside the create counters", async () => {
    const ex = await ccxtClient(fake.url, "user-1");
    const accepted = fake.stats().acceptedOrders;
    const order = fake.userOrder("user-1", { symbol: "BTCUSDT", side: "BUY", qty: "0.01" });
    expect(order).toMatchObject({ status: "FILLED", type: "MARKET", executedQty: "0.010", avgPrice: "60000" });
    expect(order.clientOrderId).toMatch(/^android_[A-Za-z0-9]{20}$/);
    expect(fake.stats().acceptedOrders).toBe(accepted);
    expect(fake.creates(order.clientOrderId as string)).toBe(0);

    expect((await ex.fetchPositions([BTC]))[0]).toMatchObject({ contracts: 0.01, side: "long" });
    const [trade] = await ex.fetchMyTrades(BTC);
    expect(trade).toMatchObject({ order: String(order.orderId), amount: 0.01, fee: { cost: 0.3, currency: "USDT" } });
    expect((await ex.fetchOrders(BTC)).map((o) => o.clientOrderId)).toEqual([order.clientOrderId]);

    // Closing by hand, reduce-only, as the app's "close" button does.
    fake.userOrder("user-1", { symbol: "BTCUSDT", side: "SELL", qty: "0.01", reduceOnly: true });
    expect(await ex.fetchPositions([BTC])).toEqual([]);
  });

  it("is refused by the same rules as an API order", () => {
    const close = () => fake.userOrder("user-2", { symbol: "BTCUSDT", side: "SELL", qty: "0.01", reduceOnly: true });
    expect(close).toThrow(BinanceError);
    expect(close).toThrow("ReduceOnly Order is rejected.");
  });

  it("the user cancels Mimic's stop-loss or resting order", async () => {
    const ex = await ccxtClient(fake.url, "user-3");
    await ex.createOrder(BTC, "market", "buy", 0.01);
    const sl = { stopLossPrice: 50000, reduceOnly: true, clientOrderId: "mimic-sl" };
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, sl);
    await ex.createOrder(BTC, "limit", "buy", 0.01, 55000, { clientOrderId: "mimic-limit" });
    expect(fake.userCancel("user-3", "mimic-sl")).toBe("algo");
    expect(fake.userCancel("user-3", "mimic-limit")).toBe("order");
    const bySlId = await ex.fetchOrder(BY_CLIENT_ID, BTC, { clientOrderId: "mimic-sl", trigger: true });
    expect(bySlId.status).toBe("canceled");
    const byLimitId = await ex.fetchOrder(BY_CLIENT_ID, BTC, { clientOrderId: "mimic-limit" });
    expect(byLimitId.status).toBe("canceled");
    expect(() => fake.userCancel("user-3", "mimic-sl")).toThrow("Unknown order sent.");
  });

  it("is driven over /__control as well", async () => {
    const placed = await control(fake.url, "POST", "user-order", {
      apiKey: "user-4",
      symbol: "ETHUSDT",
      side: "SELL",
      qty: "0.5",
    });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ status: "FILLED", side: "SELL", origQty: "0.500" });
    expect(fake.account("user-4")?.positions.get("ETHUSDT")?.amt.toFixed()).toBe("-0.5");

    const ex = await ccxtClient(fake.url, "user-4");
    await ex.createOrder("ETH/USDT:USDT", "limit", "sell", 0.1, 3100, { clientOrderId: "rest-1" });
    const canceled = await control(fake.url, "POST", "user-cancel", { apiKey: "user-4", clientOrderId: "rest-1" });
    expect(canceled).toEqual({ status: 200, body: { canceled: "order" } });
    const unknown = await control(fake.url, "POST", "user-cancel", { apiKey: "user-4", clientOrderId: "rest-1" });
    expect(unknown).toEqual({ status: 400, body: { code: -2011, msg: "Unknown order sent." } });
    const margin = await control(fake.url, "POST", "user-order", {
      apiKey: "user-4",
      symbol: "BTCUSDT",
      side: "BUY",
      qty: "100",
    });
    expect(margin.body.code).toBe(-2019);
  });
});
