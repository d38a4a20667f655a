import type { Exchange } from "ccxt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BY_CLIENT_ID } from "../../core/exchange/order-lookup.ts";
import { BTC, ccxtClient, ETH } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Liquidation price in positionRisk, and liquidations when the test moves the mark across it.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "1000" });
});

afterEach(() => {
  fake.setPrice("BTCUSDT", "60000");
  fake.setPrice("ETHUSDT", "3000");
});

afterAll(async () => {
  await fake.close();
});

type Raw = Array<Record<string, unknown>>;
const forceOrders = (ex: Exchange, params: Record<string, unknown> = {}) =>
  (ex as unknown as { fapiPrivateGetForceOrders(p: unknown): Promise<Raw> }).fapiPrivateGetForceOrders(params);

describe("liquidation", () => {
  it("reports the cross-margin liquidation price and closes the long at it when the mark falls through", async () => {
    const ex = await ccxtClient(fake.url, "liq-1");
    await ex.createOrder(BTC, "market", "buy", 0.1); // 6000 notional, 300 margin at 20x, fee 3
    await ex.createOrder(BTC, "limit", "buy", 0.01, 40000, { clientOrderId: "resting" });
    // wallet 997: 997 + 0.1 × (P - 60000) = 0.004 × 0.1 × P  =>  P = 5003 / 0.0996
    const [pos] = await ex.fetchPositions([BTC]);
    expect(pos?.liquidationPrice).toBeCloseTo(50230.9237, 3);
    expect(pos?.info).toMatchObject({ liquidationPrice: "50230.92369478" });

    fake.setPrice("BTCUSDT", "50300");
    expect((await ex.fetchPositions([BTC])).length).toBe(1);
    const since = Date.now();
    fake.setPrice("BTCUSDT", "50000");
    expect(await ex.fetchPositions([BTC])).toEqual([]);

    const [liq] = await ex.fetchMyLiquidations(BTC, since);
    // ccxt reports the liquidation order's side.
    expect(liq).toMatchObject({ symbol: BTC, contracts: 0.1, price: 50230.9, side: "sell" });
    const [raw] = await forceOrders(ex, { symbol: "BTCUSDT", autoCloseType: "LIQUIDATION" });
    expect(raw).toMatchObject({
      status: "FILLED",
      type: "LIMIT",
      origType: "LIMIT",
      timeInForce: "IOC",
      side: "SELL",
      positionSide: "BOTH",
      price: "50230.9",
      avgPrice: "50230.9",
      executedQty: "0.100",
    });
    expect(raw?.clientOrderId).toMatch(/^autoclose-\d{19}$/);
    expect(await forceOrders(ex, { autoCloseType: "ADL" })).toEqual([]);

    const trades = await ex.fetchMyTrades(BTC, since);
    expect(trades.map((t) => [t.side, t.price, t.amount, t.order])).toEqual([
      ["sell", 50230.9, 0.1, String(raw?.orderId)],
    ]);
    // (50230.9 - 60000) × 0.1 realised, 5023.09 × 0.0005 commission
    expect(trades[0]?.info).toMatchObject({ realizedPnl: "-976.91000000", commission: "2.51154500" });
    expect(fake.account("liq-1")?.wallet.toFixed()).toBe("17.578455");
    // Binance cancels the account's open orders in the symbol first.
    expect((await ex.fetchOrder(BY_CLIENT_ID, BTC, { clientOrderId: "resting" })).status).toBe("canceled");
    const orders = await ex.fetchOrders(BTC);
    expect(orders.at(-1)?.clientOrderId).toBe(raw?.clientOrderId);
  });

  it("liquidates a short when the mark rises through its price; other positions move it", async () => {
    const ex = await ccxtClient(fake.url, "liq-2");
    await ex.createOrder(ETH, "market", "sell", 3); // 9000 notional, 450 margin, fee 4.5
    await ex.createOrder(BTC, "market", "buy", 0.01); // fee 0.3
    const ethLiq = async () => (await ex.fetchPositions([ETH]))[0]?.liquidationPrice as number;
    // wallet 995.2: 995.2 - 3 × (P - 3000) = 0.004 × 3 × P + 0.004 × 600 (BTC)  =>  P = 9992.8 / 3.012
    expect(await ethLiq()).toBeCloseTo(3317.6627, 3);
    // A BTC gain lifts the ETH liquidation price.
    fake.setPrice("BTCUSDT", "61000");
    expect(await ethLiq()).toBeGreaterThan(3320);
    fake.setPrice("ETHUSDT", "3400");
    expect((await ex.fetchPositions()).map((p) => p.symbol)).toEqual([BTC]);
    const [liq] = await ex.fetchMyLiquidations(ETH);
    expect(liq).toMatchObject({ contracts: 3, side: "buy" });
    expect(liq?.price).toBeGreaterThan(3320);
    expect(liq?.price).toBeLessThan(3400);
  });

  it("fires a stop-loss above the liquidation price instead of liquidating", async () => {
    const ex = await ccxtClient(fake.url, "liq-3");
    await ex.createOrder(BTC, "market", "buy", 0.1);
    await ex.createOrder(BTC, "market", "sell", 0.1, undefined, { stopLossPrice: 55000, reduceOnly: true });
    // Past both the stop and the liquidation price (50230.92) in one jump: the stop fills, at the new mark.
    fake.setPrice("BTCUSDT", "50200");
    expect(await ex.fetchPositions([BTC])).toEqual([]);
    expect(await ex.fetchMyLiquidations(BTC)).toEqual([]);
    expect((await ex.fetchMyTrades(BTC)).map((t) => [t.side, t.price])).toEqual([
      ["buy", 60000],
      ["sell", 50200],
    ]);
  });

  it("reports no liquidation price when none is reachable", async () => {
    const ex = await ccxtClient(fake.url, "liq-4");
    await ex.createOrder(ETH, "market", "buy", 0.1); // 300 notional against 1000
    expect((await ex.fetchPositions([ETH]))[0]?.info).toMatchObject({ liquidationPrice: "0" });
  });
});
