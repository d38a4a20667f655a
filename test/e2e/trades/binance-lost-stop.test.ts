import { describe, expect, it } from "vitest";
import { binanceTradeSuite } from "./binance-trade-suite.ts";

// A stop that vanishes from the exchange while the position stays as it was (the venue lost it, or the follower
// cancelled it in the app): nothing about the position shows it, so reconciliation's audit turns compare the
// standing stops with the exchange's open orders and place a lost one again where Mimic keeps it.
describe("a stop the exchange lost, on Binance USDⓈ-M", () => {
  const { ctx, follower, fire, trades, openAlgo } = binanceTradeSuite({ stopAuditEvery: 1 });

  it("is placed again at the level Mimic keeps, once, on the next audit turn", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", sl_perc: 2, tp_perc: 3 });
    const [open] = await trades(f.accountId, "open");
    const stop = open?.orders.find((o) => o.kind === "stop_loss");
    expect(stop?.status).toBe("open");
    expect(ctx.fake.userCancel(f.apiKey, stop?.clientOrderId ?? "")).toBe("algo");
    expect(openAlgo(f.apiKey).map((o) => o.orderType)).toEqual(["TAKE_PROFIT_MARKET"]);

    await ctx.h.reconcile();
    const [after] = await trades(f.accountId, "open");
    const stops = after?.orders.filter((o) => o.kind === "stop_loss").map((o) => [o.status, o.triggerPrice]);
    expect(stops).toEqual([
      ["canceled", "58800"],
      ["open", "58800"],
    ]);
    expect(
      openAlgo(f.apiKey)
        .map((o) => o.orderType)
        .sort(),
    ).toEqual(["STOP_MARKET", "TAKE_PROFIT_MARKET"]);
    // The next audit finds it standing: nothing more is placed.
    const before = ctx.fake.stats().acceptedOrders;
    await ctx.h.reconcile();
    expect(ctx.fake.stats().acceptedOrders).toBe(before);
    expect(ctx.fake.duplicateCreates()).toEqual([]);
  });
});
