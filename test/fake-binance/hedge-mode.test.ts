import ccxt from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BinanceError } from "./binance-error.ts";
import { BTC, ccxtClient, control, idOf, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Hedge mode (dualSidePosition): per-side positions, and orders whose positionSide must match the mode.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterAll(async () => {
  await fake.close();
});

describe("position mode", () => {
  it("one-way by default: fetchPositionMode says so, and LONG/SHORT orders are refused with -4061", async () => {
    const ex = await ccxtClient(fake.url, "mode-1");
    expect(await ex.fetchPositionMode(BTC)).toMatchObject({ hedged: false, info: { dualSidePosition: false } });
    const err = await thrown(ex.createOrder(BTC, "market", "buy", 0.01, undefined, { positionSide: "LONG" }));
    expect(err).toBeInstanceOf(ccxt.OperationRejected);
    expect(err.message).toContain('"code":-4061');
    expect(err.message).toContain("Order's position side does not match user's setting.");
    expect((await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { positionSide: "BOTH" })).status).toBe(
      "closed",
    );
  });

  it("in hedge mode: orders need LONG or SHORT, and each side is a position of its own", async () => {
    fake.setPositionMode("mode-2", true);
    const ex = await ccxtClient(fake.url, "mode-2");
    expect((await ex.fetchPositionMode(BTC)).hedged).toBe(true);
    for (const params of [{}, { positionSide: "BOTH" }]) {
      const err = await thrown(ex.createOrder(BTC, "market", "buy", 0.01, undefined, params));
      expect(err.message).toContain("-4061");
    }
    const sl = { stopLossPrice: 50000 };
    expect((await thrown(ex.createOrder(BTC, "market", "sell", 0.01, undefined, sl))).message).toContain("-4061");

    await ex.createOrder(BTC, "market", "buy", 0.02, undefined, { positionSide: "LONG" });
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { positionSide: "SHORT" });
    const positions = await ex.fetchPositions([BTC]);
    expect(positions.map((p) => [p.side, p.contracts, p.hedged]).sort()).toEqual([
      ["long", 0.02, true],
      ["short", 0.01, true],
    ]);
    // SELL on LONG only closes; a stop on the LONG side closes it when triggered.
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { positionSide: "LONG" });
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { ...sl, positionSide: "LONG" });
    const reduce = await thrown(
      ex.createOrder(BTC, "market", "sell", 0.01, undefined, { positionSide: "LONG", reduceOnly: true }),
    );
    expect(reduce.message).toContain("-1106");
    fake.setPrice("BTCUSDT", "49000");
    try {
      expect((await ex.fetchPositions([BTC])).map((p) => [p.side, p.contracts])).toEqual([["short", 0.01]]);
    } finally {
      fake.setPrice("BTCUSDT", "60000");
    }
    const trades = await ex.fetchMyTrades(BTC);
    expect(trades.map((t) => (t.info as { positionSide: string }).positionSide)).toEqual([
      "LONG",
      "SHORT",
      "LONG",
      "LONG",
    ]);
  });

  it("switches like Binance: refused with a position or open order, or to the mode it is already in", async () => {
    const ex = await ccxtClient(fake.url, "mode-3");
    expect(await ex.setPositionMode(true, BTC)).toEqual({ code: 200, msg: "success" });
    expect((await ex.fetchPositionMode(BTC)).hedged).toBe(true);
    expect((await thrown(ex.setPositionMode(true, BTC))).message).toContain("-4059");

    const order = await ex.createOrder(BTC, "limit", "buy", 0.01, 50000, { positionSide: "LONG" });
    expect((await thrown(ex.setPositionMode(false, BTC))).message).toContain("-4067");
    await ex.cancelOrder(idOf(order), BTC);
    await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { positionSide: "LONG" });
    expect((await thrown(ex.setPositionMode(false, BTC))).message).toContain("-4068");
    expect(() => fake.setPositionMode("mode-3", false)).toThrow(BinanceError);
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { positionSide: "LONG" });
    await ex.setPositionMode(false, BTC);
    expect((await ex.fetchPositionMode(BTC)).hedged).toBe(false);
  });

  it("is set over /__control too", async () => {
    expect((await control(fake.url, "POST", "position-mode", { apiKey: "mode-4", hedge: true })).status).toBe(200);
    expect(fake.account("mode-4")?.dualSidePosition).toBe(true);
    const ex = await ccxtClient(fake.url, "mode-4");
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { positionSide: "SHORT" });
    const refused = await control(fake.url, "POST", "position-mode", { apiKey: "mode-4", hedge: false });
    expect(refused).toEqual({ status: 400, body: { code: -4068, msg: expect.any(String) } });
  });
});
