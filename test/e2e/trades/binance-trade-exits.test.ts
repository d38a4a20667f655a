import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { panicCloseAll } from "../../../core/panic/panic-close-all.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { confirmTwoFactor, startTwoFactor } from "../../../core/security/two-factor.ts";
import { binanceTradeSuite } from "./binance-trade-suite.ts";

// How a trade ends other than by its own TP/SL, end to end: liquidation, the follower's hand, a close that arrives
// while its entry is still uncertain, and /panic.
describe("trades on Binance USDⓈ-M: liquidation, manual close, ordering and panic", () => {
  const { ctx, follower, fire, executions, trades, openAlgo, position, until } = binanceTradeSuite();

  it("a liquidation closes the trade with reason liquidation and its loss", async () => {
    const f = await follower();
    ctx.fake.setBalance(f.apiKey, "700");
    await fire(f.strategy, { action: "long", leverage: 10 });
    expect(position(f.apiKey)).toEqual(["0.1"]);
    // 0.1 BTC on 700 USDT: cross margin gives out about 7,000 below the entry.
    ctx.fake.setPrice("BTCUSDT", "52000");
    expect(position(f.apiKey)).toEqual([]);
    await ctx.h.reconcile();
    const [trade] = await trades(f.accountId, "closed");
    expect(trade?.closeReason).toBe("liquidation");
    expect(Number(trade?.realisedPnl)).toBeLessThan(-600);
  });

  it("notices a position the follower closed on the exchange, records it and cancels its TP/SL", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    ctx.fake.setPrice("BTCUSDT", "60200");
    ctx.fake.userOrder(f.apiKey, { symbol: "BTCUSDT", side: "SELL", qty: "0.1", reduceOnly: true });
    await ctx.h.reconcile();
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "manual", exitPrice: "60200" });
    expect(Number(trade?.realisedPnl)).toBeCloseTo(20, 6);
    expect(openAlgo(f.apiKey)).toEqual([]);
  });

  it("a close that arrives while its entry waits out an uncertain attempt closes it after: one entry, one close", async () => {
    const f = await follower();
    // The entry is accepted but its answer lost: Mimic must wait until it can no longer be in flight, then look.
    ctx.fake.setFaults({
      timeoutAfterAccept: (ctx) => ctx.apiKey === f.apiKey && ctx.clientOrderId.endsWith("-e") && ctx.attempt === 1,
      timeoutMode: "destroy",
    });
    const entryId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 }, { drain: false });
    await until(
      "the entry at the exchange",
      () => position(f.apiKey),
      (p) => p.length === 1,
    );
    const closeId = await fire(f.strategy, { action: "close" });
    const [entry] = await executions(entryId);
    const [close] = await executions(closeId);
    expect(entry?.status).toBe("filled");
    expect(close?.status).toBe("filled");
    expect(ctx.fake.creates(entry?.clientOrderId ?? "")).toBe(1);
    expect(ctx.fake.creates(close?.clientOrderId ?? "")).toBe(1);
    expect(position(f.apiKey)).toEqual([]);
    expect((await trades(f.accountId, "closed"))[0]).toMatchObject({ closeReason: "signal" });
    expect(openAlgo(f.apiKey)).toEqual([]);
  }, 30_000);

  it("/panic cancels every open order on the account, in symbols Mimic never traded too, and closes its trades", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    // The follower's own resting order in a symbol no strategy traded.
    const ccxt = ctx.h.exchanges.forCredentials("binanceusdm", { apiKey: f.apiKey, secret: `secret-${f.apiKey}` });
    await ccxt.createOrder({
      symbol: "ETH/USDT:USDT",
      side: "sell",
      type: "stop_loss",
      amount: dec("1"),
      triggerPrice: dec("2500"),
      clientOrderId: "users-own-stop",
    });
    let now = Date.now();
    const clock = { now: () => new Date(now) };
    const deps = { ...ctx.h.deps, exchanges: ctx.h.exchanges, clock, logger: silentLogger };
    const { secret } = await startTwoFactor({ userId: f.userId, issuer: "Mimic", label: "t" }, deps);
    await confirmTwoFactor({ userId: f.userId, code: await generate({ secret, epoch: Math.floor(now / 1000) }) }, deps);
    now += 60_000;
    const report = await panicCloseAll(
      { userId: f.userId, code: await generate({ secret, epoch: Math.floor(now / 1000) }) },
      deps,
    );
    expect(report.accounts[0]?.canceledIn.sort()).toEqual(["BTC/USDT:USDT", "ETH/USDT:USDT"]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    expect(position(f.apiKey)).toEqual([]);
    expect((await trades(f.accountId, "closed"))[0]).toMatchObject({ closeReason: "panic" });
  });
});
