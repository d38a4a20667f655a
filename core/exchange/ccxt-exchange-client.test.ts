import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { type CcxtExchangeFactory, createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";

const BTC = "BTC/USDT:USDT";
let fake: FakeBinance;
let factory: CcxtExchangeFactory;
let keyN = 0;

// Every test trades on its own key, so the fake's per-key state keeps tests independent.
const client = () => {
  keyN += 1;
  const apiKey = `client-test-${keyN}`;
  return factory.forAccount("binanceusdm", { apiKey, secret: `secret-${apiKey}` });
};

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
  factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 2000 });
});

afterAll(async () => {
  factory.close();
  await fake.close();
});

describe("ccxt exchange client against the fake Binance USDⓈ-M", () => {
  it("lists supported venues", () => {
    expect(factory.supportedExchanges()).toEqual(expect.arrayContaining(["binanceusdm", "bybit"]));
    expect(factory.isSupported("binanceusdm")).toBe(true);
    // Other ccxt ids work through the generic profile if they can look orders up by client id (see
    // generic-venue-support.test.ts); kraken has no perpetuals, and mtgox is no ccxt id at all.
    expect(factory.isSupported("okx")).toBe(true);
    expect(factory.isSupported("kraken")).toBe(false);
    expect(factory.isSupported("mtgox")).toBe(false);
  });

  it("describes a market with decimal steps and limits", async () => {
    const m = await client().market(BTC);
    expect(m).toMatchObject({ symbol: BTC, base: "BTC", quote: "USDT" });
    expect(m.amountStep.toFixed()).toBe("0.001");
    expect(m.priceStep.toFixed()).toBe("0.1");
    expect(m.minAmount?.toFixed()).toBe("0.001");
    expect(m.minNotional?.toFixed()).toBe("100");
    const sol = await client().market("SOL/USDT:USDT");
    expect(sol.amountStep.toFixed()).toBe("1");
    expect(sol.minNotional?.toFixed()).toBe("5");
  });

  it("rejects an unknown market as UNKNOWN_MARKET", async () => {
    await expect(client().market("DOGE/USDT:USDT")).rejects.toSatisfy((e) => isAppError(e, "UNKNOWN_MARKET"));
  });

  it("reads balance, price and sets leverage", async () => {
    const c = client();
    const balance = await c.fetchBalance();
    expect(balance.quote).toBe("USDT");
    expect(balance.free.toFixed()).toBe("10000");
    expect(balance.total.toFixed()).toBe("10000");
    expect((await c.fetchPrice(BTC)).toFixed()).toBe("60000");
    await c.setLeverage(BTC, 10);
  });

  it("warms a symbol's price on the venues in use, so the next follower's fetchPrice sends nothing", async () => {
    const c = client();
    await c.market(BTC);
    // Past the price cache's one-second freshness, as at the start of a fan-out.
    await new Promise((r) => setTimeout(r, 1_100));
    const before = fake.stats().totalRequests;
    factory.warmPrice(BTC);
    factory.warmPrice("NOPE/USDT:USDT"); // not a market here: ignored
    await expect.poll(() => fake.stats().totalRequests).toBe(before + 1);
    fake.setPrice("BTCUSDT", "61000");
    expect((await c.fetchPrice(BTC)).toFixed()).toBe("60000");
    expect(fake.stats().totalRequests).toBe(before + 1);
    fake.setPrice("BTCUSDT", "60000");
  });

  it("places a market order and round-trips the client order id", async () => {
    const c = client();
    const result = await c.createOrder({
      symbol: BTC,
      side: "buy",
      type: "market",
      amount: dec("0.0109"),
      clientOrderId: "entry-1",
    });
    expect(result).toMatchObject({ clientOrderId: "entry-1", symbol: BTC, side: "buy", status: "filled" });
    // Truncated to the lot step, never rounded up.
    expect(result.filledAmount.toFixed()).toBe("0.01");
    expect(result.avgPrice?.toFixed()).toBe("60000");
    expect(fake.creates("entry-1")).toBe(1);

    const found = await c.findOrder(BTC, "entry-1");
    expect(found).toMatchObject({ exchangeOrderId: result.exchangeOrderId, status: "filled" });
    expect(await c.findOrder(BTC, "never-sent")).toBeNull();

    const positions = await c.fetchPositions();
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({ symbol: BTC, side: "long" });
    expect(positions[0]?.contracts.toFixed()).toBe("0.01");
    expect(positions[0]?.entryPrice.toFixed()).toBe("60000");
  });

  it("places a capped entry as an IOC limit: filled at the mark within it, expired unfilled past it", async () => {
    const c = client();
    const ioc = (clientOrderId: string, side: "buy" | "sell", price: string) =>
      c.createOrder({
        symbol: BTC,
        side,
        type: "limit",
        price: dec(price),
        timeInForce: "IOC",
        amount: dec("0.01"),
        clientOrderId,
      });
    const filled = await ioc("ioc-entry-1", "buy", "60180");
    expect(filled).toMatchObject({ status: "filled", clientOrderId: "ioc-entry-1" });
    expect(filled.avgPrice?.toFixed()).toBe("60000");
    const sent = [...(fake.account(`client-test-${keyN}`)?.orders.values() ?? [])].find(
      (o) => o.clientOrderId === "ioc-entry-1",
    );
    expect(sent).toMatchObject({ type: "LIMIT", timeInForce: "IOC" });
    expect(sent?.price.toFixed()).toBe("60180");

    const refused = await ioc("ioc-entry-2", "sell", "60050");
    expect(refused).toMatchObject({ status: "canceled", clientOrderId: "ioc-entry-2" });
    expect(refused.filledAmount.toFixed()).toBe("0");
    // Never without its price and a timeInForce: nothing rests by accident.
    await expect(
      c.createOrder({ symbol: BTC, side: "buy", type: "limit", amount: dec("0.01"), clientOrderId: "ioc-entry-3" }),
    ).rejects.toSatisfy((e) => isAppError(e, "BAD_REQUEST"));
  });

  it("rests a GTC limit on the price step: open with its fills so far, cancelled keeping them", async () => {
    const c = client();
    const key = `client-test-${keyN}`;
    const gtc = (clientOrderId: string, price: string) =>
      c.createOrder({
        symbol: BTC,
        side: "buy",
        type: "limit",
        price: dec(price),
        timeInForce: "GTC",
        amount: dec("0.01"),
        clientOrderId,
      });
    const placed = await gtc("zone-1", "59000.04");
    expect(placed).toMatchObject({ status: "open", clientOrderId: "zone-1" });
    expect(placed.filledAmount.toFixed()).toBe("0");
    expect(placed.avgPrice).toBeUndefined();
    const sent = fake.account(key)?.ordersByClientId.get("zone-1");
    expect(sent).toMatchObject({ type: "LIMIT", timeInForce: "GTC", status: "NEW" });
    expect(sent?.price.toFixed()).toBe("59000");
    expect((await c.fetchOpenOrders()).map((o) => o.clientOrderId)).toEqual(["zone-1"]);

    const since = new Date();
    fake.fillLimit("zone-1", "0.004", key);
    const partial = await c.findOrder(BTC, "zone-1");
    expect(partial).toMatchObject({ status: "open", exchangeOrderId: placed.exchangeOrderId });
    expect([partial?.filledAmount.toFixed(), partial?.avgPrice?.toFixed()]).toEqual(["0.004", "59000"]);
    expect((await c.fetchPositions())[0]?.contracts.toFixed()).toBe("0.004");

    await c.cancelOrder(BTC, "zone-1");
    const canceled = await c.findOrder(BTC, "zone-1");
    expect(canceled?.status).toBe("canceled");
    expect(canceled?.filledAmount.toFixed()).toBe("0.004");
    const fills = await c.fetchFills(BTC, since);
    expect(fills.map((f) => [f.orderId, f.amount.toFixed(), f.price.toFixed(), f.fee?.toFixed()])).toEqual([
      [placed.exchangeOrderId, "0.004", "59000", "0.0472"],
    ]);
    expect(await c.fetchOpenOrders()).toEqual([]);

    // One the price comes to fills whole, at its price.
    await gtc("zone-2", "58000");
    fake.setPrice("BTCUSDT", "57900");
    try {
      const filled = await c.findOrder(BTC, "zone-2");
      expect(filled?.status).toBe("filled");
      expect([filled?.filledAmount.toFixed(), filled?.avgPrice?.toFixed()]).toEqual(["0.01", "58000"]);
      expect((await c.fetchPositions())[0]?.contracts.toFixed()).toBe("0.014");
    } finally {
      fake.setPrice("BTCUSDT", "60000");
    }
  });

  it("places TP/SL as conditional orders, finds and cancels them by client id", async () => {
    const c = client();
    await c.createOrder({ symbol: BTC, side: "buy", type: "market", amount: dec("0.01"), clientOrderId: "pos-1" });
    const tp = await c.createOrder({
      symbol: BTC,
      side: "sell",
      type: "take_profit",
      amount: dec("0.01"),
      triggerPrice: dec("66000.04"),
      reduceOnly: true,
      clientOrderId: "tp-1",
    });
    expect(tp).toMatchObject({ clientOrderId: "tp-1", status: "open" });
    expect(tp.filledAmount.toFixed()).toBe("0");
    const sl = await c.createOrder({
      symbol: BTC,
      side: "sell",
      type: "stop_loss",
      amount: dec("0.01"),
      triggerPrice: dec("55000"),
      reduceOnly: true,
      clientOrderId: "sl-1",
    });
    expect(sl.status).toBe("open");
    // ccxt sent them to the algo-order API with the trigger price on the tick.
    const account = fake.account(`client-test-${keyN}`);
    const algo = [...(account?.algoOrders.values() ?? [])];
    expect(algo.map((o) => [o.clientAlgoId, o.orderType, o.triggerPrice.toFixed()])).toEqual([
      ["tp-1", "TAKE_PROFIT_MARKET", "66000"],
      ["sl-1", "STOP_MARKET", "55000"],
    ]);

    expect(await c.findOrder(BTC, "tp-1")).toMatchObject({ status: "open", clientOrderId: "tp-1" });
    await c.cancelOrder(BTC, "tp-1");
    expect(await c.findOrder(BTC, "tp-1")).toMatchObject({ status: "canceled" });
    // Cancelling again (or an id never sent) is a no-op.
    await c.cancelOrder(BTC, "tp-1");
    await c.cancelOrder(BTC, "nothing-here");

    await c.cancelAllOrders(BTC);
    expect(await c.findOrder(BTC, "sl-1")).toMatchObject({ status: "canceled" });
  });

  it("closes the whole position reduce-only, and returns null when flat", async () => {
    const c = client();
    expect(await c.closePosition(BTC, "close-none")).toBeNull();
    await c.createOrder({ symbol: BTC, side: "sell", type: "market", amount: dec("0.02"), clientOrderId: "short-1" });
    const closed = await c.closePosition(BTC, "close-1");
    expect(closed).toMatchObject({ side: "buy", status: "filled", clientOrderId: "close-1" });
    expect(closed?.filledAmount.toFixed()).toBe("0.02");
    expect(await c.fetchPositions()).toEqual([]);
  });

  it("fills a triggered stop at the new price", async () => {
    const c = client();
    await c.createOrder({
      symbol: "ETH/USDT:USDT",
      side: "buy",
      type: "market",
      amount: dec("1"),
      clientOrderId: "e1",
    });
    await c.createOrder({
      symbol: "ETH/USDT:USDT",
      side: "sell",
      type: "stop_loss",
      amount: dec("1"),
      triggerPrice: dec("2900"),
      reduceOnly: true,
      clientOrderId: "e1-sl",
    });
    fake.setPrice("ETHUSDT", "2890");
    try {
      expect(await c.fetchPositions()).toEqual([]);
      // 1 ETH from 3000 to 2890, less the 0.05% taker fees of both fills (1.5 and 1.445).
      expect((await c.fetchBalance()).total.toFixed()).toBe("9887.055");
    } finally {
      fake.setPrice("ETHUSDT", "3000");
    }
  });
});
