import { describe, expect, it } from "vitest";
import { binanceTradeSuite, type TradeView } from "./binance-trade-suite.ts";

type Leg = { kind: string; leg: number; status: string; clientOrderId: string; triggerPrice: string | null } & {
  limitPrice?: string | null;
  requestedAmount: string;
  filledAmount: string | null;
};
type PlanTrade = Omit<TradeView, "orders"> & { orders: Leg[]; stopPrice: string | null; entryAmount?: string };

// Entry zones and DCA end to end: webhook, the worker's jobs and real ccxt against the fake Binance, whose resting
// limit orders fill when the test moves the price through them (or fills part of one by hand), and the
// reconciliation turns that follow what filled.
describe("entry zones and DCA on Binance USDⓈ-M", () => {
  const { ctx, follower, fire, executions, trades, openAlgo, position } = binanceTradeSuite();

  const planned = async (accountId: string, status?: "open" | "closed") =>
    (await trades(accountId, status)) as unknown as PlanTrade[];
  const legs = (t: PlanTrade | undefined, kind: string) =>
    (t?.orders ?? [])
      .filter((o) => o.kind === kind)
      .sort((a, b) => a.leg - b.leg)
      .map((o) => [
        o.clientOrderId.slice(o.clientOrderId.lastIndexOf("-")),
        o.status,
        o.triggerPrice ?? o.limitPrice,
        o.requestedAmount,
      ]);
  const restingLimits = (apiKey: string) =>
    [...(ctx.fake.account(apiKey)?.orders.values() ?? [])].filter(
      (o) => o.type === "LIMIT" && (o.status === "NEW" || o.status === "PARTIALLY_FILLED"),
    );
  const events = async (userId: string) =>
    (
      await ctx.testDb.db.prisma.notification.findMany({
        where: { userId, kind: { in: ["entry_filled", "target", "stop_moved"] } },
        orderBy: { createdAt: "asc" },
      })
    ).map((n) => n.kind);
  const reachable = (userId: string) =>
    ctx.testDb.db.prisma.user.update({ where: { id: userId }, data: { telegramId: `tg-${userId}` } });
  const sentOnce = () => expect(ctx.fake.duplicateCreates()).toEqual([]);

  it("an entry zone that half fills then expires: what filled is protected at once, the rest cancelled, the follower told", async () => {
    const f = await follower();
    await reachable(f.userId);
    const signalId = await fire(f.strategy, {
      action: "long",
      entries: [
        { price: 59500, size_perc: 50 },
        { price: 59000, size_perc: 50 },
      ],
      entry_expiry_sec: 600,
      sl_price: 58000,
      take_profits: [{ perc: 2, size_perc: 100 }],
    });
    // Sized at the zone's average (59250): 6000 USDT buys 0.101, split over the two limits.
    let [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "placed" });
    expect(e?.error).toMatch(/entry zone of 2 limit orders at 59500, 59000, resting until/);
    let [trade] = await planned(f.accountId, "open");
    expect(legs(trade, "entry")).toEqual([
      ["-e", "open", "59500", "0.05"],
      ["-e1", "open", "59000", "0.051"],
    ]);
    expect(restingLimits(f.apiKey)).toHaveLength(2);
    expect(openAlgo(f.apiKey)).toEqual([]);
    // Nothing filled: the trade waits, reconciliation asks nothing and closes nothing.
    await ctx.h.reconcile();
    expect(await planned(f.accountId, "open")).toHaveLength(1);

    // Half of the first entry fills: the next turn sees the position and protects those 0.025 at once.
    ctx.fake.fillLimit(trade?.orders.find((o) => o.leg === 0 && o.kind === "entry")?.clientOrderId ?? "", "0.025");
    await ctx.h.reconcile();
    [trade] = await planned(f.accountId, "open");
    expect(trade).toMatchObject({ openAmount: "0.025", entryPrice: "59500" });
    expect(legs(trade, "take_profit")).toEqual([["-tp", "open", "60690", "0.025"]]);
    expect(legs(trade, "stop_loss")).toEqual([["-sl", "open", "58000", "0.025"]]);
    expect((await executions(signalId))[0]?.status).toBe("placed");

    // The zone's time runs out (moved forward here rather than waited for): both limits are cancelled.
    await ctx.testDb.db.prisma.trade.update({
      where: { id: trade?.id },
      data: { entryDeadline: new Date(Date.now() - 1) },
    });
    await ctx.h.reconcile();
    [trade] = await planned(f.accountId, "open");
    expect(legs(trade, "entry").map((l) => l[1])).toEqual(["canceled", "canceled"]);
    expect(restingLimits(f.apiKey)).toEqual([]);
    expect(trade).toMatchObject({ openAmount: "0.025" });
    expect(position(f.apiKey)).toEqual(["0.025"]);
    [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "filled" });
    expect(e?.error).toBe("the entry zone expired: 0.025 of 0.101 filled; the trade and its TP/SL are for that part");
    expect(await events(f.userId)).toEqual(["entry_filled"]);
    sentOnce();
  });

  it("an entry zone nothing fills of ends as an expired entry, with no trade left", async () => {
    const f = await follower();
    const signalId = await fire(f.strategy, {
      action: "short",
      entries: [{ price: 61000, size_perc: 100 }],
      sl_perc: 2,
    });
    const [trade] = await planned(f.accountId, "open");
    await ctx.testDb.db.prisma.trade.update({
      where: { id: trade?.id },
      data: { entryDeadline: new Date(Date.now() - 1) },
    });
    await ctx.h.reconcile();
    const [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    expect(e?.error).toBe("the entry zone expired without a fill");
    const [closed] = await planned(f.accountId, "closed");
    expect(closed).toMatchObject({ closeReason: "expired", openAmount: "0" });
    expect(restingLimits(f.apiKey)).toEqual([]);
  });

  it("a close signal cancels a resting zone first, and closes what filled", async () => {
    const f = await follower();
    const open = await fire(f.strategy, {
      action: "long",
      entries: [
        { price: 59900, size_perc: 50 },
        { price: 59000, size_perc: 50 },
      ],
      sl_perc: 3,
    });
    ctx.fake.setPrice("BTCUSDT", "59850");
    await ctx.h.reconcile();
    expect(position(f.apiKey)).toEqual(["0.05"]);
    await fire(f.strategy, { action: "close" });
    expect(position(f.apiKey)).toEqual([]);
    expect(restingLimits(f.apiKey)).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    const [closed] = await planned(f.accountId, "closed");
    expect(closed).toMatchObject({ closeReason: "signal", openAmount: "0" });
    expect((await executions(open))[0]).toMatchObject({ status: "filled" });
    sentOnce();
  });

  it("DCA: a safety order fills, the average moves, TP and SL are placed again from it; the target then ends the rest", async () => {
    const f = await follower();
    await reachable(f.userId);
    const signalId = await fire(f.strategy, {
      action: "long",
      sl_perc: 5,
      tp_perc: 2,
      dca: { orders: 2, step_perc: 2, volume_scale: 1.5 },
    });
    expect((await executions(signalId))[0]?.status).toBe("filled");
    let [trade] = await planned(f.accountId, "open");
    expect(legs(trade, "dca")).toEqual([
      ["-d1", "open", "58800", "0.1"],
      ["-d2", "open", "57600", "0.15"],
    ]);
    expect(legs(trade, "take_profit")).toEqual([["-tp", "open", "61200", "0.1"]]);
    expect(legs(trade, "stop_loss")).toEqual([["-sl", "open", "57000", "0.1"]]);

    // The first safety order fills: 0.2 at an average of 59400; TP 2% and SL 5% from there, for all of it.
    ctx.fake.setPrice("BTCUSDT", "58800");
    await ctx.h.reconcile();
    [trade] = await planned(f.accountId, "open");
    expect(trade).toMatchObject({ openAmount: "0.2", entryPrice: "59400" });
    expect(legs(trade, "take_profit")).toEqual([
      ["-tp", "canceled", "61200", "0.1"],
      ["-tp11", "open", "60588", "0.2"],
    ]);
    expect(legs(trade, "stop_loss").at(-1)).toEqual(["-sl1", "open", "56430", "0.2"]);
    expect(openAlgo(f.apiKey)).toHaveLength(2);

    // The new target fills: the trade closes whole, the last safety order is cancelled.
    ctx.fake.setPrice("BTCUSDT", "60600");
    await ctx.h.reconcile();
    const [closed] = await planned(f.accountId, "closed");
    expect(closed).toMatchObject({ closeReason: "take_profit", openAmount: "0" });
    expect(legs(closed, "dca").map((l) => l[1])).toEqual(["filled", "canceled"]);
    expect(restingLimits(f.apiKey)).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    expect(position(f.apiKey)).toEqual([]);
    expect(await events(f.userId)).toEqual(["entry_filled", "stop_moved"]);
    sentOnce();
  });

  it("a follower who turned DCA off gets the signal's trade without safety orders", async () => {
    const f = await follower();
    const [sub] = await ctx.testDb.db.prisma.subscription.findMany({ where: { accountId: f.accountId } });
    await ctx.h.admin("PATCH", `/api/admin/subscriptions/${sub?.id}`, { dcaEnabled: false });
    await fire(f.strategy, { action: "long", sl_perc: 5, dca: { orders: 2, step_perc: 2 } });
    const [trade] = await planned(f.accountId, "open");
    expect(legs(trade, "dca")).toEqual([]);
    expect(restingLimits(f.apiKey)).toEqual([]);
  });
});
