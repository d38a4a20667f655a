import ccxt, { type Exchange } from "ccxt";
import { afterEach, describe, expect, it } from "vitest";
import { applyUrlOverride } from "../../core/exchange/ccxt-url-override.ts";
import { type FakeBybit, startFakeBybit } from "./start-fake-bybit.ts";

// Resting (GTC) limit orders on the Bybit fake, through the real ccxt client: entry zones and DCA orders.

const BTC = "BTC/USDT:USDT";
let fake: FakeBybit | undefined;

async function start(): Promise<FakeBybit> {
  fake = await startFakeBybit({ startingBalance: "10000" });
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function client(f: FakeBybit, apiKey: string): Exchange {
  const ex = new ccxt.bybit({
    apiKey,
    secret: `secret-${apiKey}`,
    enableRateLimit: false,
    timeout: 2000,
    options: {
      defaultType: "swap",
      fetchMarkets: { types: ["linear"] },
      enableUnifiedAccount: true,
      enableUnifiedMargin: false,
      unifiedMarginStatus: 6,
    },
  });
  applyUrlOverride(ex, f.url);
  return ex;
}

const limit = (ex: Exchange, side: "buy" | "sell", qty: number, price: number, id: string, extra = {}) =>
  ex.createOrder(BTC, "limit", side, qty, price, { clientOrderId: id, timeInForce: "GTC", ...extra });
const byLink = async (ex: Exchange, id: string) =>
  (await ex.fetchOpenOrders(BTC, undefined, undefined, { orderLinkId: id }))[0];

describe("fake Bybit: resting limit orders", () => {
  it("rest New, are listed open, and fill at their own price when the last price reaches them, as a maker", async () => {
    const f = await start();
    const ex = client(f, "gtc-1");
    await limit(ex, "buy", 0.01, 59000, "zone-1");
    expect(f.state.account("gtc-1").orders.get("zone-1")).toMatchObject({ orderStatus: "New", timeInForce: "GTC" });
    expect(await byLink(ex, "zone-1")).toMatchObject({ status: "open", filled: 0, price: 59000, timeInForce: "GTC" });
    expect((await ex.fetchOpenOrders(undefined, undefined, undefined, { settleCoin: "USDT" })).length).toBe(1);

    // The mark alone does not trade: limits meet the last price.
    f.setMarkPrice(BTC, 58000);
    expect((await byLink(ex, "zone-1"))?.status).toBe("open");
    f.setPrice(BTC, 58500);
    expect(await byLink(ex, "zone-1")).toMatchObject({ status: "closed", filled: 0.01, average: 59000 });
    const [trade] = await ex.fetchMyTrades(BTC);
    expect(trade).toMatchObject({ price: 59000, amount: 0.01, takerOrMaker: "maker" });
    expect(trade?.fee).toEqual({ cost: 0.118, currency: "USDT", rate: 0.0002 });
    expect((await ex.fetchPositions())[0]).toMatchObject({ side: "long", contracts: 0.01, entryPrice: 59000 });
  });

  it("takes at once at the last price when already marketable; sells fill as the price rises", async () => {
    const f = await start();
    const ex = client(f, "gtc-2");
    await limit(ex, "sell", 0.01, 59000, "taker");
    expect(await byLink(ex, "taker")).toMatchObject({ status: "closed", filled: 0.01, average: 60000 });
    await limit(ex, "sell", 0.01, 61000, "dca-1");
    f.setPrice(BTC, 61000);
    expect(await byLink(ex, "dca-1")).toMatchObject({ status: "closed", filled: 0.01, average: 61000 });
    expect((await ex.fetchPositions())[0]).toMatchObject({ side: "short", contracts: 0.02, entryPrice: 60500 });
    expect((await ex.fetchMyTrades(BTC)).map((t) => t.takerOrMaker)).toEqual(["taker", "maker"]);
  });

  it("fills in part on request (PartiallyFilled, open), then cancelled keeps cumExecQty and its executions", async () => {
    const f = await start();
    const ex = client(f, "gtc-3");
    await limit(ex, "buy", 0.01, 59000, "half");
    f.fillLimit("gtc-3", "half", "0.004");
    expect(f.state.account("gtc-3").orders.get("half")?.orderStatus).toBe("PartiallyFilled");
    expect(await byLink(ex, "half")).toMatchObject({ status: "open", filled: 0.004, remaining: 0.006, average: 59000 });
    expect((await ex.fetchPositions())[0]?.contracts).toBe(0.004);

    await ex.cancelOrder(undefined as unknown as string, BTC, { orderLinkId: "half" });
    expect(f.state.account("gtc-3").orders.get("half")?.orderStatus).toBe("Cancelled");
    expect(await byLink(ex, "half")).toMatchObject({ status: "canceled", filled: 0.004, average: 59000 });
    f.setPrice(BTC, 58000);
    expect((await ex.fetchPositions())[0]?.contracts).toBe(0.004);
    expect((await ex.fetchMyTrades(BTC)).map((t) => [t.info.orderLinkId, t.amount])).toEqual([["half", 0.004]]);
    expect(() => f.fillLimit("gtc-3", "half", "0.001")).toThrow(/too late/);
  });

  it("a partly filled one fills the rest when the price reaches it", async () => {
    const f = await start();
    const ex = client(f, "gtc-4");
    await limit(ex, "buy", 0.01, 59000, "rest");
    f.fillLimit("gtc-4", "rest", "0.003");
    expect(() => f.fillLimit("gtc-4", "rest", "0.008")).toThrow(/left/);
    f.setPrice(BTC, 59000);
    expect(await byLink(ex, "rest")).toMatchObject({ status: "closed", filled: 0.01, average: 59000 });
    expect((await ex.fetchMyTrades(BTC)).map((t) => t.amount)).toEqual([0.003, 0.007]);
  });

  it("a reduce-only one is refused with nothing to close, and closes no more than the position", async () => {
    const f = await start();
    const ex = client(f, "gtc-5");
    await expect(limit(ex, "sell", 0.01, 62000, "ro-0", { reduceOnly: true })).rejects.toThrow(/110017/);
    await ex.createOrder(BTC, "market", "buy", 0.02, undefined, { clientOrderId: "entry" });
    await limit(ex, "sell", 0.02, 62000, "ro-1", { reduceOnly: true });
    // The position shrinks meanwhile (a take-profit, the user): the rest of the order is cancelled.
    await ex.createOrder(BTC, "market", "sell", 0.015, undefined, { clientOrderId: "cut", reduceOnly: true });
    f.setPrice(BTC, 62000);
    expect(await byLink(ex, "ro-1")).toMatchObject({ status: "canceled", filled: 0.005, average: 62000 });
    expect(await ex.fetchPositions()).toEqual([]);
  });

  it("is checked at its own price: notional and margin", async () => {
    const f = await start();
    const ex = client(f, "gtc-6");
    f.setBalance("gtc-6", "100");
    await expect(limit(ex, "buy", 0.001, 4000, "tiny")).rejects.toThrow(/110094/);
    await expect(limit(ex, "buy", 1, 59000, "big")).rejects.toThrow(/110007/);
    expect(f.state.account("gtc-6").orders.size).toBe(0);
  });
});
