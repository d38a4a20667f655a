import type { Exchange } from "ccxt";
import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BTC, ccxtClient, control, ETH, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Fees and the account trade list (GET /fapi/v1/userTrades), read through ccxt's fetchMyTrades.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterAll(async () => {
  await fake.close();
});

type Raw = Array<Record<string, unknown>>;
const rawTrades = (ex: Exchange, params: Record<string, unknown>) =>
  (ex as unknown as { fapiPrivateGetUserTrades(p: unknown): Promise<Raw> }).fapiPrivateGetUserTrades(params);

describe("fees and the account trade list", () => {
  it("charges Binance's 0.05% taker fee on every fill by default", async () => {
    const ex = await ccxtClient(fake.url, "fee-1");
    await ex.createOrder(BTC, "market", "buy", 0.01);
    // 0.01 × 60000 × 0.0005 = 0.3
    expect(fake.account("fee-1")?.wallet.toFixed()).toBe("9999.7");
    expect((await ex.fetchBalance()).USDT?.total).toBe(9999.7);
  });

  it("takes another fee rate, in process or over /__control", async () => {
    const ex = await ccxtClient(fake.url, "fee-2");
    expect((await control(fake.url, "POST", "fee", { takerFeeRate: "0" })).status).toBe(200);
    try {
      await ex.createOrder(BTC, "market", "buy", 0.01);
      expect(fake.account("fee-2")?.wallet.toFixed()).toBe("10000");
      fake.setTakerFeeRate("0.001");
      await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { reduceOnly: true });
      expect(fake.account("fee-2")?.wallet.toFixed()).toBe("9999.4");
    } finally {
      fake.setTakerFeeRate("0.0005");
    }
  });

  it("records market fills and triggered stops as trades that fetchMyTrades parses", async () => {
    const ex = await ccxtClient(fake.url, "trades-1");
    const since = Date.now();
    const entry = await ex.createOrder(BTC, "market", "buy", 0.02);
    await ex.createOrder(BTC, "market", "sell", 0.02, undefined, { stopLossPrice: 59000, reduceOnly: true });
    fake.setPrice("BTCUSDT", "58500");
    try {
      const trades = await ex.fetchMyTrades(BTC, since);
      expect(trades).toHaveLength(2);
      const [buy, stop] = trades;
      expect(buy).toMatchObject({ symbol: BTC, side: "buy", price: 60000, amount: 0.02, cost: 1200, order: entry.id });
      expect(buy?.fee).toMatchObject({ cost: 0.6, currency: "USDT" });
      expect(buy?.takerOrMaker).toBe("taker");
      expect(buy?.info).toMatchObject({ realizedPnl: "0.00000000", buyer: true, maker: false, positionSide: "BOTH" });
      // The stop fills at the mark that crossed it; its order is the algo order's actual order.
      expect(stop).toMatchObject({ side: "sell", price: 58500, amount: 0.02 });
      expect(stop?.info).toMatchObject({ realizedPnl: "-30.00000000", commission: "0.58500000", buyer: false });
      const algo = fake.account("trades-1")?.algoOrders.values().next().value;
      expect(stop?.order).toBe(String(algo?.actualOrderId));
      expect(Number(stop?.id)).toBeGreaterThan(Number(buy?.id));
    } finally {
      fake.setPrice("BTCUSDT", "60000");
    }
  });

  it("pages like Binance: symbol mandatory, fromId, orderId, limit, and no fromId with a time", async () => {
    const ex = await ccxtClient(fake.url, "trades-2");
    for (let i = 0; i < 3; i++) await ex.createOrder(ETH, "market", "buy", 0.01);
    await ex.createOrder(BTC, "market", "buy", 0.01);
    const eth = await rawTrades(ex, { symbol: "ETHUSDT" });
    expect(eth.map((t) => t.symbol)).toEqual(["ETHUSDT", "ETHUSDT", "ETHUSDT"]);
    const ids = eth.map((t) => t.id as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect((await rawTrades(ex, { symbol: "ETHUSDT", fromId: ids[1] })).map((t) => t.id)).toEqual(ids.slice(1));
    // Without a cursor the newest come back, still ascending.
    expect((await rawTrades(ex, { symbol: "ETHUSDT", limit: 2 })).map((t) => t.id)).toEqual(ids.slice(1));
    const byOrder = await rawTrades(ex, { symbol: "ETHUSDT", orderId: eth[0]?.orderId });
    expect(byOrder.map((t) => t.id)).toEqual([ids[0]]);
    expect(Object.keys(eth[0] ?? {}).sort()).toEqual(
      [
        "symbol",
        "id",
        "orderId",
        "side",
        "price",
        "qty",
        "realizedPnl",
        "quoteQty",
        "commission",
        "commissionAsset",
        "time",
        "positionSide",
        "buyer",
        "maker",
      ].sort(),
    );

    const noSymbol = await thrown(rawTrades(ex, {}));
    expect(noSymbol).toBeInstanceOf(ccxt.BadRequest);
    expect(noSymbol.message).toContain("-1102");
    const both = await thrown(rawTrades(ex, { symbol: "ETHUSDT", fromId: ids[0], startTime: Date.now() - 1000 }));
    expect(both.message).toContain("-1128");
    const tooLong = await thrown(rawTrades(ex, { symbol: "ETHUSDT", startTime: 0, endTime: 8 * 24 * 3600 * 1000 }));
    expect(tooLong.message).toContain("-1127");
    expect((await thrown(rawTrades(ex, { symbol: "ETHUSDT", limit: 1001 }))).message).toContain("-1130");
    await expect(ex.fetchMyTrades()).rejects.toBeInstanceOf(ccxt.ArgumentsRequired);
  });
});
