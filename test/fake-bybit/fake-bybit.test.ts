import ccxt, { type Exchange } from "ccxt";
import { afterEach, describe, expect, it } from "vitest";
import { applyUrlOverride } from "../../core/exchange/ccxt-url-override.ts";
import type { BybitMarketFault } from "./bybit-faults.ts";
import { type FakeBybit, type FakeBybitOptions, startFakeBybit } from "./start-fake-bybit.ts";

// The fake through the real ccxt `bybit` client, configured as Mimic's venue profile configures it.
// Each test gets its own fake: prices are shared by every key of a fake, and tests move them.

const BTC = "BTC/USDT:USDT";
let fake: FakeBybit | undefined;

async function start(opts: FakeBybitOptions = {}): Promise<FakeBybit> {
  fake = await startFakeBybit({ startingBalance: "10000", ...opts });
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

const buy = (ex: Exchange, qty: number, id: string, params: Record<string, unknown> = {}) =>
  ex.createOrder(BTC, "market", "buy", qty, undefined, { clientOrderId: id, ...params });
const sell = (ex: Exchange, qty: number, id: string, params: Record<string, unknown> = {}) =>
  ex.createOrder(BTC, "market", "sell", qty, undefined, { clientOrderId: id, ...params });
/** Bybit's real-time order list finds an order by orderLinkId whatever its status (openOnly is ignored then). */
const byLink = async (ex: Exchange, id: string) =>
  (await ex.fetchOpenOrders(BTC, undefined, undefined, { orderLinkId: id }))[0];
const retCode = (e: unknown) => /"retCode":(\d+)/.exec(String(e))?.[1];

describe("fake Bybit: conditional orders and the mark price", () => {
  it("rests stopLossPrice / takeProfitPrice orders and fires them when the price reaches them", async () => {
    const f = await start();
    const ex = client(f, "sl");
    await buy(ex, 0.01, "entry");
    await sell(ex, 0.01, "sl-1", { stopLossPrice: 57000, reduceOnly: true });
    await sell(ex, 0.01, "tp-1", { takeProfitPrice: 66000, reduceOnly: true });
    const orders = f.state.account("sl").orders;
    expect(orders.get("sl-1")).toMatchObject({ orderStatus: "Untriggered", triggerDirection: 2, reduceOnly: true });
    expect(orders.get("tp-1")).toMatchObject({ orderStatus: "Untriggered", triggerDirection: 1, reduceOnly: true });

    const open = await ex.fetchOpenOrders(undefined, undefined, undefined, { trigger: true });
    expect(open.map((o) => [o.clientOrderId, o.stopLossPrice, o.takeProfitPrice]).sort()).toEqual([
      ["sl-1", 57000, undefined],
      ["tp-1", undefined, 66000],
    ]);

    // Without orderFilter Bybit lists every kind of open order: the conditional ones show up here too.
    expect((await ex.fetchOpenOrders()).map((o) => o.clientOrderId).sort()).toEqual(["sl-1", "tp-1"]);

    // A gap through the stop: it fills at the new price, not at its trigger.
    f.setPrice(BTC, 56000);
    const [sl] = await ex.fetchCanceledAndClosedOrders(BTC, undefined, undefined, { orderLinkId: "sl-1" });
    expect(sl).toMatchObject({ status: "closed", filled: 0.01, average: 56000, triggerPrice: 57000 });
    expect(sl?.fee).toEqual({ cost: 0.308, currency: "USDT" });
    expect(await ex.fetchPositions()).toEqual([]);

    // Nothing left to close when the take-profit fires: Bybit cancels it.
    f.setPrice(BTC, 67000);
    expect(await byLink(ex, "tp-1")).toMatchObject({ status: "canceled", filled: 0 });
    expect(orders.get("tp-1")?.cancelType).toBe("CancelByReduceOnly");
  });

  it("refuses a trigger the price has already passed (110092 rising / 110093 falling)", async () => {
    const f = await start();
    const ex = client(f, "crossed");
    await buy(ex, 0.01, "entry");
    const sl = sell(ex, 0.01, "sl-late", { stopLossPrice: 60500, reduceOnly: true });
    await expect(sl).rejects.toBeInstanceOf(ccxt.InvalidOrder);
    await expect(sl).rejects.toThrow(/"retCode":110093,"retMsg":"expect Falling, but trigger_price\[6050000000000\]/);
    const tp = sell(ex, 0.01, "tp-late", { takeProfitPrice: 60000, reduceOnly: true });
    await expect(tp).rejects.toThrow(
      /"retCode":110092,"retMsg":"expect Rising, but trigger_price\[6000000000000\] <= /,
    );
    expect(f.state.account("crossed").orders.has("sl-late")).toBe(false);
  });

  it("liquidates at the liquidation price as a BustTrade, cancelling the symbol's orders first", async () => {
    const f = await start();
    const ex = client(f, "liq");
    await ex.setLeverage(10, BTC);
    await buy(ex, 0.01, "entry");
    await sell(ex, 0.01, "sl-far", { stopLossPrice: 50000, reduceOnly: true });
    const [pos] = await ex.fetchPositions([BTC]);
    // 60000 x (1 - 1/10 + 0.5%)
    expect(pos).toMatchObject({ side: "long", liquidationPrice: 54300, leverage: 10, hedged: false });

    f.setMarkPrice(BTC, 54350);
    expect((await ex.fetchPositions()).length).toBe(1);
    f.setMarkPrice(BTC, 54000);
    expect(await ex.fetchPositions()).toEqual([]);
    expect(await byLink(ex, "sl-far")).toMatchObject({ status: "canceled" });
    expect(f.state.account("liq").orders.get("sl-far")?.orderStatus).toBe("Deactivated");

    // ccxt's fetchMyTrades asks for execType=Trade unless told otherwise: the liquidation is not among them.
    expect((await ex.fetchMyTrades(BTC)).map((t) => t.info.execType)).toEqual(["Trade"]);
    const [bust] = await ex.fetchMyTrades(BTC, undefined, undefined, { execType: "BustTrade" });
    expect(bust).toMatchObject({ side: "sell", price: 54300, amount: 0.01, fee: { currency: "USDT", rate: 0.00055 } });
    expect(bust?.info).toMatchObject({ execType: "BustTrade", orderLinkId: "", closedSize: "0.010" });
    // 10000 - 0.33 opening fee - 57 loss - 0.29865 liquidation fee
    expect((await ex.fetchBalance()).USDT?.total).toBe(9942.37135);
  });
});

describe("fake Bybit: market orders that do not fill at once", () => {
  const fault = (outcome: BybitMarketFault["outcome"], extra: Partial<BybitMarketFault> = {}): BybitMarketFault => ({
    orderLinkIds: ["slow"],
    outcome,
    ...extra,
  });

  it("answers with ids only, shows PartiallyFilled, then Filled on its timer", async () => {
    const f = await start({ marketFaults: [fault("fill")], settleAfterMs: 50 });
    const ex = client(f, "pf");
    const ack = await buy(ex, 0.01, "slow");
    expect(ack).toMatchObject({ clientOrderId: "slow", status: undefined, filled: undefined });
    expect(await byLink(ex, "slow")).toMatchObject({ status: "open", filled: 0.005, remaining: 0.005 });
    expect(f.state.account("pf").orders.get("slow")?.orderStatus).toBe("PartiallyFilled");
    await new Promise((r) => setTimeout(r, 120));
    expect(await byLink(ex, "slow")).toMatchObject({ status: "closed", filled: 0.01, remaining: 0 });
    const trades = await ex.fetchMyTrades(BTC);
    expect(trades.map((t) => [t.info.orderLinkId, t.amount])).toEqual([
      ["slow", 0.005],
      ["slow", 0.005],
    ]);
    // Other orders are not faulted.
    await buy(ex, 0.01, "fast");
    expect(await byLink(ex, "fast")).toMatchObject({ status: "closed", filled: 0.01 });
  });

  it("ends Cancelled with the part that filled, or with nothing when it expires", async () => {
    const f = await start({ marketFaults: [fault("cancel")], settleAfterMs: 60_000 });
    const ex = client(f, "pc");
    await buy(ex, 0.01, "slow");
    expect(f.settlePending()).toBe(1);
    expect(await byLink(ex, "slow")).toMatchObject({ status: "canceled", filled: 0.005 });
    expect((await ex.fetchPositions())[0]?.contracts).toBe(0.005);

    f.setMarketFaults([fault("cancel", { orderLinkIds: ["slow-2"], cancelStatus: "PartiallyFilledCanceled" })]);
    await buy(ex, 0.01, "slow-2");
    f.settlePending();
    // ccxt reads PartiallyFilledCanceled as closed: a partial fill that looks finished.
    expect(await byLink(ex, "slow-2")).toMatchObject({ status: "closed", filled: 0.005 });

    f.setMarketFaults([fault("expire", { orderLinkIds: ["slow-3"] })]);
    await buy(ex, 0.01, "slow-3");
    expect(await byLink(ex, "slow-3")).toMatchObject({ status: "open", filled: 0 });
    f.settlePending();
    expect(await byLink(ex, "slow-3")).toMatchObject({ status: "canceled", filled: 0 });
    expect(f.state.account("pc").orders.get("slow-3")?.orderStatus).toBe("Cancelled");
  });
});

describe("fake Bybit: fills, fees and the user's own trading", () => {
  it("charges 0.055% per fill and lists every fill for fetchMyTrades, paged by cursor", async () => {
    const f = await start();
    const ex = client(f, "fees");
    const since = Date.now() - 1;
    await buy(ex, 0.01, "a");
    f.setPrice(BTC, 61000);
    await sell(ex, 0.004, "b", { reduceOnly: true });
    const trades = await ex.fetchMyTrades(BTC, since);
    expect(trades.map((t) => [t.order, t.info.orderLinkId, t.side, t.price, t.amount, t.fee?.cost])).toEqual([
      [trades[0]?.order, "a", "buy", 60000, 0.01, 0.33],
      [trades[1]?.order, "b", "sell", 61000, 0.004, 0.1342],
    ]);
    expect(trades[0]?.fee).toEqual({ cost: 0.33, currency: "USDT", rate: 0.00055 });
    expect(trades[1]?.info).toMatchObject({ closedSize: "0.004", execType: "Trade", isMaker: false });
    // 10000 - 0.33 - 0.1342 + 4 realised
    expect((await ex.fetchBalance()).USDT?.total).toBe(10003.5358);

    const paged = await ex.fetchMyTrades(BTC, since, undefined, { paginate: true, paginationCalls: 5, limit: 1 });
    // Pages come newest first and ccxt does not re-sort what it strings together.
    expect(paged.map((t) => t.info.orderLinkId)).toEqual(["b", "a"]);
    const history = await ex.fetchPositionsHistory([BTC]);
    expect(history[0]).toMatchObject({ symbol: BTC, realizedPnl: 4 - 0.1342 - 0.132 });
  });

  it("records the user's app orders like any other, and lets the user cancel Mimic's orders", async () => {
    const f = await start();
    const ex = client(f, "user");
    f.userOrder("user", { symbol: "BTCUSDT", side: "Buy", qty: "0.02" });
    await sell(ex, 0.02, "sl", { stopLossPrice: 55000, reduceOnly: true });
    f.userOrder("user", { symbol: BTC, side: "Sell", qty: "0.005", reduceOnly: true, orderLinkId: "app-1" });
    expect((await ex.fetchPositions())[0]).toMatchObject({ side: "long", contracts: 0.015 });
    const trades = await ex.fetchMyTrades(BTC);
    expect(trades.map((t) => [t.info.orderLinkId, t.side, t.amount])).toEqual([
      ["", "buy", 0.02],
      ["app-1", "sell", 0.005],
    ]);
    f.userCancel("user", "sl");
    expect(await byLink(ex, "sl")).toMatchObject({ status: "canceled" });
    expect(() => f.userCancel("user", "sl")).toThrow(/too late to cancel/);
    expect(() => f.userOrder("user", { symbol: "BTCUSDT", side: "Buy", qty: "0.01", reduceOnly: true })).toThrow(
      /Reduce-only rule not satisfied/,
    );
  });
});

describe("fake Bybit: position mode", () => {
  it("refuses positionIdx 0 in hedge mode and reports both sides with positionIdx 1 / 2", async () => {
    const f = await start();
    const ex = client(f, "hedge");
    expect(ex.has.fetchPositionMode).toBeFalsy();
    await ex.setPositionMode(true);
    const err = await buy(ex, 0.01, "one-way").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ccxt.BadRequest);
    expect(String(err)).toContain('"retCode":10001,"retMsg":"position idx not match position mode"');

    await buy(ex, 0.01, "long", { hedged: true });
    await sell(ex, 0.02, "short", { positionIdx: 2 });
    const sides = await ex.fetchPositions([BTC]);
    expect(sides.map((p) => [p.info.positionIdx, p.side, p.contracts, p.hedged])).toEqual([
      [1, "long", 0.01, true],
      [2, "short", 0.02, true],
    ]);
    // Closing the long in hedge mode: ccxt drops reduceOnly and sends the Sell on positionIdx 1.
    await sell(ex, 0.01, "close-long", { hedged: true, reduceOnly: true });
    expect((await ex.fetchPositions([BTC])).map((p) => p.contracts)).toEqual([0, 0.02]);
    await expect(ex.setPositionMode(false, BTC)).rejects.toThrow(/110024/);

    // A flat account asked by symbol still gets its row, which is how the mode can be read without fetchPositionMode.
    const other = client(f, "one-way");
    expect((await other.fetchPositions([BTC])).map((p) => [p.info.positionIdx, p.contracts, p.hedged])).toEqual([
      [0, 0, false],
    ]);
    await expect(other.setPositionMode(false)).rejects.toBeInstanceOf(ccxt.NoChange);
    f.setPositionMode("flat-hedge", true);
    const flat = client(f, "flat-hedge");
    expect(await flat.fetchPositions()).toEqual([]);
    expect((await flat.fetchPositions([BTC])).map((p) => [p.info.positionIdx, p.hedged])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(retCode(await other.setPositionMode(false, BTC).catch((e: unknown) => e))).toBe("110025");
  });
});
