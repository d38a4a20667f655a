import { describe, expect, it } from "vitest";
import { binanceTradeSuite, type TradeView } from "./binance-trade-suite.ts";

type Leg = { kind: string; leg: number; status: string; clientOrderId: string; triggerPrice: string | null } & {
  requestedAmount: string;
};
type LadderTrade = Omit<TradeView, "orders"> & { orders: Leg[]; stopPrice: string | null; targetsHit: number };

// Several take-profit targets and moving stops, end to end: webhook, the worker's jobs and real ccxt against the
// fake Binance, whose price the test moves (its conditional orders trigger on it, as Binance's do on the mark), and
// the reconciliation turns that follow what the exchange did.
describe("take-profit ladders and moving stops on Binance USDⓈ-M", () => {
  const { ctx, follower, fire, executions, trades, openAlgo, position } = binanceTradeSuite();

  const ladder = async (accountId: string, status?: "open" | "closed") =>
    (await trades(accountId, status)) as unknown as LadderTrade[];
  const legs = (t: LadderTrade | undefined, kind: string) =>
    (t?.orders ?? [])
      .filter((o) => o.kind === kind)
      .sort((a, b) => a.leg - b.leg)
      .map((o) => [
        o.clientOrderId.slice(o.clientOrderId.lastIndexOf("-")),
        o.status,
        o.triggerPrice,
        o.requestedAmount,
      ]);
  const notifications = async (userId: string) =>
    (
      await ctx.testDb.db.prisma.notification.findMany({
        where: { userId, kind: { in: ["target", "stop_moved"] } },
        orderBy: { createdAt: "asc" },
      })
    ).map((n) => n.dedupeKey.split(":").at(-1));
  /** Every order Mimic sent reached the exchange once: nothing doubled by a retry. */
  const sentOnce = () => expect(ctx.fake.duplicateCreates()).toEqual([]);

  it("a three-target ladder with breakeven: each target closes its share, the stop follows to the entry, then closes the rest", async () => {
    const f = await follower();
    await ctx.testDb.db.prisma.user.update({ where: { id: f.userId }, data: { telegramId: `tg-${f.userId}` } });
    const signalId = await fire(f.strategy, {
      action: "long",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 50 },
        { perc: 2, size_perc: 30 },
        { perc: 3, size_perc: 20 },
      ],
      trailing: { mode: "breakeven" },
    });
    const [e] = await executions(signalId);
    expect(e?.status).toBe("filled");
    const [open] = await ladder(f.accountId, "open");
    expect(legs(open, "take_profit")).toEqual([
      ["-tp", "open", "60600", "0.05"],
      ["-tp2", "open", "61200", "0.03"],
      ["-tp3", "open", "61800", "0.02"],
    ]);
    expect(legs(open, "stop_loss")).toEqual([["-sl", "open", "58800", "0.1"]]);
    expect(openAlgo(f.apiKey)).toHaveLength(4);

    // Target 1: half the position closes; the stop moves to the entry for what is left.
    ctx.fake.setPrice("BTCUSDT", "60700");
    expect(position(f.apiKey)).toEqual(["0.05"]);
    await ctx.h.reconcile();
    let [trade] = await ladder(f.accountId, "open");
    expect(trade).toMatchObject({ openAmount: "0.05", targetsHit: 1, stopPrice: "60000" });
    expect(legs(trade, "stop_loss")).toEqual([
      ["-sl", "canceled", "58800", "0.1"],
      ["-sl1", "open", "60000", "0.05"],
    ]);

    // Target 2: the stop stays at the entry, resized to the 0.02 left.
    ctx.fake.setPrice("BTCUSDT", "61300");
    await ctx.h.reconcile();
    [trade] = await ladder(f.accountId, "open");
    expect(trade).toMatchObject({ openAmount: "0.02", targetsHit: 2 });
    expect(legs(trade, "stop_loss").at(-1)).toEqual(["-sl2", "open", "60000", "0.02"]);
    // A turn with nothing new changes nothing: its positions request (and, on a pooled ccxt instance that never
    // read positions, Binance's leverage brackets first) and nothing else.
    const before = ctx.fake.stats();
    await ctx.h.reconcile();
    const after = ctx.fake.stats();
    expect(after.totalRequests - before.totalRequests).toBeLessThanOrEqual(2);
    expect(after.acceptedOrders).toBe(before.acceptedOrders);

    // Back to the entry: the moved stop closes the rest, target 3 is cancelled.
    ctx.fake.setPrice("BTCUSDT", "59990");
    await ctx.h.reconcile();
    const [closed] = await ladder(f.accountId, "closed");
    expect(closed).toMatchObject({ closeReason: "stop_loss", openAmount: "0" });
    expect(legs(closed, "take_profit").map((l) => l[1])).toEqual(["filled", "filled", "canceled"]);
    // 0.05 × 700 + 0.03 × 1300 − 0.02 × 10 before fees (the fake fills a trigger at the price that crossed it).
    expect(Number(closed?.realisedPnl)).toBeCloseTo(35 + 39 - 0.2, 6);
    expect(position(f.apiKey)).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    sentOnce();
    // Target 1 and 2 were told, and the one move of the stop (the resize to 0.02 kept its level).
    expect(await notifications(f.userId)).toEqual(["tp0", "sl1", "tp1"]);
  });

  it("moving_target moves the stop to the previous target each time one fills", async () => {
    const f = await follower();
    await fire(f.strategy, {
      action: "short",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 40 },
        { perc: 2, size_perc: 40 },
        { price: 57000, size_perc: 20 },
      ],
      trailing: { mode: "moving_target" },
    });
    ctx.fake.setPrice("BTCUSDT", "59350");
    await ctx.h.reconcile();
    ctx.fake.setPrice("BTCUSDT", "58750");
    await ctx.h.reconcile();
    const [trade] = await ladder(f.accountId, "open");
    expect(trade).toMatchObject({ openAmount: "0.02", targetsHit: 2, stopPrice: "59400" });
    expect(legs(trade, "stop_loss").map((l) => l.slice(1, 3))).toEqual([
      ["canceled", "61200"],
      ["canceled", "60000"],
      ["open", "59400"],
    ]);
    sentOnce();
  });

  it("a percent trailing stop trails the mark once activated and only ever tightens", async () => {
    const f = await follower();
    await fire(f.strategy, {
      action: "long",
      sl_perc: 2,
      tp_perc: 10,
      trailing: { mode: "percent", distance_perc: 1, activation_perc: 1 },
    });
    const stops = async () => legs((await ladder(f.accountId))[0], "stop_loss");
    // Below the activation: the stop stays where it was placed.
    ctx.fake.setPrice("BTCUSDT", "60500");
    await ctx.h.reconcile();
    expect(await stops()).toEqual([["-sl", "open", "58800", "0.1"]]);
    ctx.fake.setPrice("BTCUSDT", "61000");
    await ctx.h.reconcile();
    ctx.fake.setPrice("BTCUSDT", "61500");
    await ctx.h.reconcile();
    // The price falls back: the stop does not follow it down.
    ctx.fake.setPrice("BTCUSDT", "61200");
    await ctx.h.reconcile();
    expect(await stops()).toEqual([
      ["-sl", "canceled", "58800", "0.1"],
      ["-sl1", "canceled", "60390", "0.1"],
      ["-sl2", "open", "60885", "0.1"],
    ]);
    ctx.fake.setPrice("BTCUSDT", "60800");
    await ctx.h.reconcile();
    const [closed] = await ladder(f.accountId, "closed");
    expect(closed).toMatchObject({ closeReason: "stop_loss", exitPrice: "60800" });
    expect(openAlgo(f.apiKey)).toEqual([]);
    sentOnce();
  });

  it("a reply lost between two targets' orders places no duplicate and no missing leg", async () => {
    const f = await follower();
    // Target 2 is accepted but its answer lost; target 3's first request never reaches the matching engine.
    ctx.fake.setFaults({
      timeoutAfterAccept: (c) => c.apiKey === f.apiKey && c.clientOrderId.endsWith("-tp2") && c.attempt === 1,
      timeoutMode: "destroy",
      badGateway502: (c) => c.apiKey === f.apiKey && c.clientOrderId.endsWith("-tp3") && c.attempt === 1,
    });
    const signalId = await fire(f.strategy, {
      action: "long",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 50 },
        { perc: 2, size_perc: 30 },
        { perc: 3, size_perc: 20 },
      ],
    });
    const [e] = await executions(signalId);
    expect(e?.status).toBe("filled");
    const [open] = await ladder(f.accountId, "open");
    expect(legs(open, "take_profit").map((l) => l.slice(0, 2))).toEqual([
      ["-tp", "open"],
      ["-tp2", "open"],
      ["-tp3", "open"],
    ]);
    expect(openAlgo(f.apiKey)).toHaveLength(4);
    for (const o of open?.orders ?? []) expect(ctx.fake.creates(o.clientOrderId)).toBe(1);
    sentOnce();
  }, 30_000);

  it("a close signal cancels every leg of the ladder first", async () => {
    const f = await follower();
    await fire(f.strategy, {
      action: "long",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 50 },
        { perc: 2, size_perc: 50 },
      ],
      trailing: { mode: "breakeven" },
    });
    ctx.fake.setPrice("BTCUSDT", "60700");
    await ctx.h.reconcile();
    await fire(f.strategy, { action: "close" });
    const [closed] = await ladder(f.accountId, "closed");
    expect(closed?.closeReason).toBe("signal");
    expect(closed?.orders.filter((o) => o.status === "open")).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    expect(position(f.apiKey)).toEqual([]);
  });
});
