import type { Exchange } from "ccxt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BY_CLIENT_ID } from "../../core/exchange/order-lookup.ts";
import { BinanceError } from "./binance-error.ts";
import { BTC, ccxtClient, control, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Resting (GTC) LIMIT orders: entry zones and DCA orders. A price move to them fills them at their price as a
// maker; a test fills part of one with fillLimit / POST /__control/fill-limit.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterEach(() => fake.setPrice("BTCUSDT", "60000"));

afterAll(async () => {
  await fake.close();
});

const gtc = (clientOrderId: string, extra: Record<string, unknown> = {}) => ({
  timeInForce: "GTC",
  clientOrderId,
  ...extra,
});
const byId = async (ex: Exchange, clientOrderId: string) => ex.fetchOrder(BY_CLIENT_ID, BTC, { clientOrderId });

describe("resting LIMIT orders", () => {
  it("rest, are listed open, and fill at their own price when the mark falls to them, as a maker", async () => {
    const ex = await ccxtClient(fake.url, "rest-1", { options: { warnOnFetchOpenOrdersWithoutSymbol: false } });
    const placed = await ex.createOrder(BTC, "limit", "buy", 0.01, 59000, gtc("zone-1"));
    expect(placed).toMatchObject({ status: "open", filled: 0, price: 59000, timeInForce: "GTC" });
    expect((await ex.fetchOpenOrders()).map((o) => o.clientOrderId)).toEqual(["zone-1"]);

    fake.setPrice("BTCUSDT", "59000.1");
    expect((await byId(ex, "zone-1")).status).toBe("open");
    const since = Date.now();
    // A gap through it still fills at the limit: the order was in the book first.
    fake.setPrice("BTCUSDT", "58500");
    expect(await byId(ex, "zone-1")).toMatchObject({ status: "closed", filled: 0.01, average: 59000 });
    expect(await ex.fetchOpenOrders()).toEqual([]);
    const [position] = await ex.fetchPositions([BTC]);
    expect(position).toMatchObject({ side: "long", contracts: 0.01, entryPrice: 59000 });
    const [trade] = await ex.fetchMyTrades(BTC, since);
    expect(trade).toMatchObject({ price: 59000, amount: 0.01, takerOrMaker: "maker", fee: { cost: 0.118 } });
    expect(fake.account("rest-1")?.wallet.toFixed()).toBe("9999.882");
  });

  it("fills a sell when the mark rises to it; a marketable one takes at the mark at once, as a taker", async () => {
    const ex = await ccxtClient(fake.url, "rest-2");
    await ex.createOrder(BTC, "limit", "sell", 0.01, 61000, gtc("short-zone"));
    fake.setPrice("BTCUSDT", "61000");
    expect(await byId(ex, "short-zone")).toMatchObject({ status: "closed", filled: 0.01, average: 61000 });

    const taken = await ex.createOrder(BTC, "limit", "sell", 0.01, 60500, gtc("marketable"));
    expect(taken).toMatchObject({ status: "closed", filled: 0.01, average: 61000 });
    const trades = await ex.fetchMyTrades(BTC);
    expect(trades.map((t) => [t.price, t.takerOrMaker])).toEqual([
      [61000, "maker"],
      [61000, "taker"],
    ]);
    expect((await ex.fetchPositions([BTC]))[0]).toMatchObject({ side: "short", contracts: 0.02 });
    // Post-only would take: expired instead.
    const postOnly = await ex.createOrder(BTC, "limit", "sell", 0.01, 60500, { timeInForce: "GTX" });
    expect(postOnly).toMatchObject({ status: "expired", filled: 0 });
  });

  it("fills part of one on request: PARTIALLY_FILLED and open, then cancelled keeping the part", async () => {
    const ex = await ccxtClient(fake.url, "rest-3");
    await ex.createOrder(BTC, "limit", "buy", 0.01, 59000, gtc("half"));
    const partial = fake.fillLimit("half", "0.004");
    expect(partial).toMatchObject({ status: "PARTIALLY_FILLED", executedQty: "0.004", avgPrice: "59000" });
    expect(await byId(ex, "half")).toMatchObject({ status: "open", filled: 0.004, remaining: 0.006, average: 59000 });
    expect((await ex.fetchOpenOrders(BTC)).map((o) => o.clientOrderId)).toEqual(["half"]);
    expect((await ex.fetchPositions([BTC]))[0]).toMatchObject({ contracts: 0.004, entryPrice: 59000 });

    const canceled = await ex.cancelOrder(BY_CLIENT_ID, BTC, { clientOrderId: "half" });
    expect(canceled).toMatchObject({ status: "canceled", filled: 0.004 });
    expect(await byId(ex, "half")).toMatchObject({ status: "canceled", filled: 0.004, average: 59000 });
    // Nothing more fills once it is cancelled.
    fake.setPrice("BTCUSDT", "58000");
    expect((await ex.fetchPositions([BTC]))[0]?.contracts).toBe(0.004);
    expect((await ex.fetchMyTrades(BTC)).map((t) => t.amount)).toEqual([0.004]);
  });

  it("a partly filled one fills the rest when the price reaches it, averaging both parts", async () => {
    const ex = await ccxtClient(fake.url, "rest-4");
    await ex.createOrder(BTC, "limit", "buy", 0.01, 59000, gtc("rest-of-it"));
    fake.fillLimit("rest-of-it", "0.003", "rest-4");
    fake.setPrice("BTCUSDT", "58900");
    const order = await byId(ex, "rest-of-it");
    expect(order).toMatchObject({ status: "closed", filled: 0.01, average: 59000 });
    expect((await ex.fetchMyTrades(BTC)).map((t) => t.amount)).toEqual([0.003, 0.007]);
  });

  it("a reduce-only one is refused without a position and only ever reduces it", async () => {
    const ex = await ccxtClient(fake.url, "rest-5");
    const refused = await thrown(ex.createOrder(BTC, "limit", "sell", 0.01, 62000, gtc("ro-0", { reduceOnly: true })));
    expect(refused.message).toContain("-2022");
    await ex.createOrder(BTC, "market", "buy", 0.01);
    await ex.createOrder(BTC, "limit", "sell", 0.02, 62000, gtc("ro-1", { reduceOnly: true }));
    fake.setPrice("BTCUSDT", "62000");
    // It closed the 0.01 there was; the rest expired rather than open a short.
    expect(await byId(ex, "ro-1")).toMatchObject({ status: "expired", filled: 0.01, average: 62000 });
    expect(await ex.fetchPositions([BTC])).toEqual([]);
  });

  it("is checked at its own price when placed: notional and margin", async () => {
    const ex = await ccxtClient(fake.url, "rest-6");
    fake.setBalance("rest-6", "100");
    const small = await thrown(ex.createOrder(BTC, "limit", "buy", 0.001, 59000, gtc("tiny")));
    expect(small.message).toContain("-4164");
    const big = await thrown(ex.createOrder(BTC, "limit", "buy", 1, 59000, gtc("big")));
    expect(big.message).toContain("-2019");
    expect(fake.account("rest-6")?.orders.size).toBe(0);
  });

  it("is filled over /__control/fill-limit, refused like Binance when unknown", async () => {
    const ex = await ccxtClient(fake.url, "rest-7");
    await ex.createOrder(BTC, "limit", "buy", 0.01, 58000, gtc("ctl-1"));
    const part = await control(fake.url, "POST", "fill-limit", { clientOrderId: "ctl-1", qty: "0.005" });
    expect(part).toMatchObject({ status: 200, body: { status: "PARTIALLY_FILLED", executedQty: "0.005" } });
    const rest = await control(fake.url, "POST", "fill-limit", {
      apiKey: "rest-7",
      clientOrderId: "ctl-1",
      qty: "0.005",
    });
    expect(rest.body).toMatchObject({ status: "FILLED", executedQty: "0.010", avgPrice: "58000" });
    const done = await control(fake.url, "POST", "fill-limit", { clientOrderId: "ctl-1", qty: "0.001" });
    expect(done).toEqual({ status: 400, body: { code: -2011, msg: "Unknown order sent." } });

    await ex.createOrder(BTC, "limit", "buy", 0.01, 58000, gtc("ctl-2"));
    expect(() => fake.fillLimit("ctl-2", "0.02")).toThrow("left");
    expect(() => fake.fillLimit("ctl-2", "0.0005")).toThrow(BinanceError);
    const fee = await control(fake.url, "POST", "fee", { makerFeeRate: "0" });
    expect(fee.status).toBe(200);
    try {
      const since = Date.now();
      fake.fillLimit("ctl-2", "0.01");
      expect((await ex.fetchMyTrades(BTC, since))[0]?.fee?.cost).toBe(0);
    } finally {
      fake.setMakerFeeRate("0.0002");
    }
  });
});
