import { describe, expect, it } from "vitest";
import { binanceTradeSuite } from "./binance-trade-suite.ts";

// How a trade opens and is protected, end to end: webhook, the worker's jobs and real ccxt against the fake Binance,
// and the reconciliation loop's turn where the exchange acted on its own.
describe("trades on Binance USDⓈ-M: entries, protection and reversal", () => {
  const { ctx, follower, fire, executions, trades, openAlgo, position, until } = binanceTradeSuite();

  it("a take-profit fill closes the trade with its PnL and fees, and cancels the stop-loss", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    expect(
      openAlgo(f.apiKey)
        .map((o) => o.orderType)
        .sort(),
    ).toEqual(["STOP_MARKET", "TAKE_PROFIT_MARKET"]);

    ctx.fake.setPrice("BTCUSDT", "61300");
    const round = await ctx.h.reconcile();
    expect(round.changed).toBe(1);
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "take_profit", status: "closed", entryPrice: "60000" });
    // The fake fills a triggered stop at the price that crossed it.
    expect(trade?.exitPrice).toBe("61300");
    expect(Number(trade?.realisedPnl)).toBeCloseTo(130, 6);
    // Fees from the exchange's own fills: 0.05% of 6000 and of 6130.
    expect(Number(trade?.fees)).toBeCloseTo(3 + 3.065, 6);
    expect(trade?.orders.find((o) => o.kind === "stop_loss")?.status).toBe("canceled");
    expect(openAlgo(f.apiKey)).toEqual([]);
    expect(position(f.apiKey)).toEqual([]);
  });

  it("a stop-loss already crossed when it is placed closes the trade at market, as the stop would have", async () => {
    const f = await follower();
    // Every create spends 300 ms at the exchange: the price falls while the stop-loss is on its way.
    ctx.fake.setFaults({ orderLatencyMs: 300 });
    const signalId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 }, { drain: false });
    await until(
      "the entry",
      () => ctx.fake.stats().acceptedOrders,
      (v) => v >= 1 && position(f.apiKey).length > 0,
    );
    ctx.fake.setPrice("BTCUSDT", "59000");
    await ctx.h.queue.drain();
    const [e] = await executions(signalId);
    expect(e?.status).toBe("filled");
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "stop_loss", exitPrice: "59000" });
    expect(trade?.orders.map((o) => [o.kind, o.status])).toEqual([
      ["entry", "filled"],
      ["take_profit", "canceled"],
      ["stop_loss", "rejected"],
      ["exit", "filled"],
    ]);
    expect(position(f.apiKey)).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
  });

  it("an entry the exchange fills in part and then cancels is a trade of the filled amount, protected for it", async () => {
    const f = await follower();
    ctx.fake.setFaults({ delayedFill: { apiKeys: [f.apiKey] }, delayedFillMode: "partial-then-expire" });
    const signalId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "filled", amount: "0.04" });
    expect(e?.error).toMatch(/only 0.04 of 0.1 filled/);
    const [trade] = await trades(f.accountId, "open");
    expect(trade).toMatchObject({ amount: "0.04", openAmount: "0.04" });
    expect(openAlgo(f.apiKey).map((o) => o.quantity.toFixed())).toEqual(["0.04", "0.04"]);
  });

  it("an entry the exchange expires unfilled fails with the reason and leaves nothing open", async () => {
    const f = await follower();
    ctx.fake.setFaults({ delayedFill: { apiKeys: [f.apiKey] }, delayedFillMode: "expire" });
    const signalId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    const [trade] = await trades(f.accountId);
    expect(trade).toMatchObject({ status: "closed", closeReason: "expired", amount: "0" });
    expect(openAlgo(f.apiKey)).toEqual([]);
  });

  it("an opposite entry reverses the trade: one close and one fresh entry at the exchange", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    const signalId = await fire(f.strategy, { action: "short", tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e?.status).toBe("filled");
    const all = await trades(f.accountId);
    expect(all.map((t) => [t.side, t.status, t.closeReason])).toEqual([
      ["short", "open", null],
      ["long", "closed", "reversal"],
    ]);
    expect(position(f.apiKey)).toEqual(["-0.1"]);
    // The long's TP/SL are gone; the short's are reduce-only buys.
    expect(openAlgo(f.apiKey).map((o) => [o.side, o.reduceOnly])).toEqual([
      ["BUY", true],
      ["BUY", true],
    ]);
  });

  it("caps leverage at the market's maximum as well as the follower's: a 75x signal on a 50x market trades at 50x", async () => {
    const f = await follower({ maxLeverage: 100 });
    const signalId = await fire(f.strategy, { symbol: "COIN1USDT", action: "long", leverage: 75 });
    const [e] = await executions(signalId);
    expect(e, JSON.stringify(e)).toMatchObject({ status: "filled" });
    expect(ctx.fake.account(f.apiKey)?.leverage.get("COIN1USDT")).toBe(50);
    const signals = await ctx.h.admin<{ signals: { id: string; executions: Record<string, number>; total: number }[] }>(
      "GET",
      `/api/admin/signals?strategy=${f.strategy.slug}&limit=5`,
    );
    expect(signals.signals.map((s) => [s.id, s.executions.filled, s.total])).toEqual([[signalId, 1, 1]]);
  });
});
