import ccxt, { type Exchange } from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BTC, ccxtClient, ETH, idOf, sleep, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Open orders across symbols, and the order history (GET /fapi/v1/allOrders) behind ccxt's fetchOrders.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterAll(async () => {
  await fake.close();
});

type Raw = Array<Record<string, unknown>>;
const allOrders = (ex: Exchange, params: Record<string, unknown>) =>
  (ex as unknown as { fapiPrivateGetAllOrders(p: unknown): Promise<Raw> }).fapiPrivateGetAllOrders(params);

describe("open orders and order history", () => {
  it("lists open orders and open algo orders of every symbol when no symbol is given", async () => {
    const strict = await ccxtClient(fake.url, "hist-1");
    // ccxt refuses by default (40× the weight); the option acknowledges it.
    expect(await thrown(strict.fetchOpenOrders())).toBeInstanceOf(ccxt.ExchangeError);
    const ex = await ccxtClient(fake.url, "hist-1", { options: { warnOnFetchOpenOrdersWithoutSymbol: false } });
    await ex.createOrder(BTC, "market", "buy", 0.01);
    await ex.createOrder(ETH, "market", "buy", 0.1);
    await ex.createOrder(BTC, "limit", "buy", 0.01, 50000, { clientOrderId: "btc-limit" });
    await ex.createOrder(ETH, "limit", "buy", 0.1, 2500, { clientOrderId: "eth-limit" });
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { stopLossPrice: 50000, clientOrderId: "btc-sl" });
    await ex.createOrder(ETH, "market", "sell", 0.1, undefined, { stopLossPrice: 2500, clientOrderId: "eth-sl" });
    expect((await ex.fetchOpenOrders()).map((o) => [o.symbol, o.clientOrderId])).toEqual([
      [BTC, "btc-limit"],
      [ETH, "eth-limit"],
    ]);
    const triggers = await ex.fetchOpenOrders(undefined, undefined, undefined, { trigger: true });
    expect(triggers.map((o) => [o.symbol, o.clientOrderId])).toEqual([
      [BTC, "btc-sl"],
      [ETH, "eth-sl"],
    ]);
    expect((await ex.fetchOpenOrders(ETH)).map((o) => o.clientOrderId)).toEqual(["eth-limit"]);
  });

  it("fetchOrders reads every order of the symbol, ascending, including triggered stops", async () => {
    const ex = await ccxtClient(fake.url, "hist-2");
    const entry = await ex.createOrder(BTC, "market", "buy", 0.02);
    const limit = await ex.createOrder(BTC, "limit", "buy", 0.01, 50000);
    await ex.cancelOrder(idOf(limit), BTC);
    await ex.createOrder(BTC, "market", "sell", 0.02, undefined, { stopLossPrice: 59000, clientOrderId: "h2-sl" });
    await ex.createOrder(ETH, "market", "buy", 0.1);
    await sleep(5);
    const since = Date.now();
    fake.setPrice("BTCUSDT", "58000");
    fake.setPrice("BTCUSDT", "60000");

    const orders = await ex.fetchOrders(BTC);
    expect(orders.map((o) => [o.type, o.status])).toEqual([
      ["market", "closed"],
      ["limit", "canceled"],
      ["market", "closed"],
    ]);
    expect(orders[2]?.clientOrderId).toBe("h2-sl");
    expect((await ex.fetchOrders(BTC, since)).map((o) => o.clientOrderId)).toEqual(["h2-sl"]);
    expect((await ex.fetchOrders(BTC, undefined, 1)).map((o) => o.clientOrderId)).toEqual(["h2-sl"]);
    const fromLimit = await allOrders(ex, { symbol: "BTCUSDT", orderId: limit.id });
    expect(fromLimit.map((o) => String(o.orderId))).toEqual([limit.id, orders[2]?.id]);
    expect(fromLimit.length).toBeGreaterThan(0);
    expect(fromLimit.every((o) => o.symbol === "BTCUSDT")).toBe(true);
    expect(orders[0]?.id).toBe(entry.id);

    expect((await thrown(allOrders(ex, {}))).message).toContain("-1102");
    await expect(ex.fetchOrders()).rejects.toBeInstanceOf(ccxt.ArgumentsRequired);
  });
});
