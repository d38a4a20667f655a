import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { positionsOverview } from "../../../core/trades/positions-overview.ts";
import { createTestDatabase } from "../../db.ts";
import { type FakeBybit, startFakeBybit } from "../../fake-bybit/start-fake-bybit.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../../harness.ts";

type Execution = { status: string; error?: string; errorCode?: string; amount: string | null; price: string | null };
type TradeView = {
  strategy: string;
  side: string;
  status: string;
  amount: string;
  entryPrice: string | null;
  exitPrice: string | null;
  realisedPnl: string;
  fees: string;
  closeReason: string | null;
  orders: { kind: string; status: string; triggerPrice: string | null; limitPrice?: string | null }[];
};

describe("trades on paper accounts, end to end through the worker", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let bybit: FakeBybit;
  let h: Harness;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // Paper prices come from a real venue's public ticker: here the fake Bybit, whose price the test moves.
    bybit = await startFakeBybit();
    bybit.setPrice("BTCUSDT", "60000");
    h = createHarness({ db: testDb.db, ccxtUrlOverrides: { bybit: bybit.url }, paperPriceVenue: "bybit" });
  });
  afterAll(async () => {
    await h?.close();
    await bybit?.close();
    await testDb?.drop();
  });

  const send = async (strategy: { slug: string; passphrase: string }, body: object) => {
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT.P",
      // Identical bodies within the dedupe window are one signal; these are meant as separate ones.
      id: crypto.randomUUID(),
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();
    const signal = await h.admin<{ executions: Execution[] }>("GET", `/api/admin/signals/${signalId}`);
    return signal.executions;
  };
  beforeEach(async () => {
    await moveBybit("60000");
  });

  /** The venue's price reaches paper trading through a one-second cache: wait until it shows, with a deadline. */
  const moveBybit = async (price: string) => {
    bybit.setPrice("BTCUSDT", price);
    const deadline = Date.now() + 5_000;
    while ((await h.paperPrices.markPrice("BTC/USDT:USDT"))?.toString() !== price) {
      if (Date.now() > deadline) throw new Error(`paper price never reached ${price}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const trades = async (accountId: string, status?: "open" | "closed") =>
    (
      await h.admin<{ trades: TradeView[] }>(
        "GET",
        `/api/admin/accounts/${accountId}/trades${status ? `?status=${status}` : ""}`,
      )
    ).trades;

  it("fills at the live venue price with a taker fee, and a stop-loss the price crosses closes the trade with its PnL", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 1, { mode: "fixed", value: "6000" });
    const [entry] = await send(strategy, { action: "long", sl_perc: 1, tp_perc: 5 });
    expect(entry).toMatchObject({ status: "filled", amount: "0.1", price: "60000" });
    const accountId = followers[0]?.accountId as string;
    const [open] = await trades(accountId, "open");
    expect(open?.orders.map((o) => [o.kind, o.status, o.triggerPrice])).toEqual([
      ["entry", "filled", null],
      ["take_profit", "open", "63000"],
      ["stop_loss", "open", "59400"],
    ]);

    await moveBybit("59000");
    // The paper tick sees the live price cross the stop; the reconciliation it asks for closes the trade.
    const tick = await h.paperTick();
    expect(tick.triggered).toBe(1);
    await h.reconcile();
    const [closed] = await trades(accountId, "closed");
    expect(closed).toMatchObject({ status: "closed", closeReason: "stop_loss", exitPrice: "59400" });
    // 0.1 BTC from 60000 to 59400, fees 0.05% of 6000 and of 5940.
    expect(Number(closed?.realisedPnl)).toBeCloseTo(-60, 6);
    expect(Number(closed?.fees)).toBeCloseTo(3 + 2.97, 6);
    expect(closed?.orders.find((o) => o.kind === "take_profit")?.status).toBe("canceled");
    const wallet = await testDb.db.prisma.paperBalance.findUniqueOrThrow({ where: { accountId } });
    expect(Number(wallet.wallet)).toBeCloseTo(10000 - 60 - 5.97, 6);
    const pending = await testDb.db.prisma.paperOrder.count({ where: { accountId, status: "open" } });
    expect(pending).toBe(0);
  });

  it("/positions shows the trade with its mark, PnL, TP and SL, and lists what Mimic did not open apart", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 1, { mode: "fixed", value: "6000" });
    const { userId, accountId } = followers[0] as { userId: string; accountId: string };
    await send(strategy, { action: "long", tp_perc: 5, sl_perc: 1 });
    // The follower's own position, opened outside Mimic.
    await testDb.db.prisma.paperPosition.create({
      data: { accountId, symbol: "ETH/USDT:USDT", contracts: "-2", entryPrice: "3000" },
    });
    await moveBybit("61000");
    const [account] = await positionsOverview({ userId }, { db: testDb.db.prisma, exchanges: h.exchanges });
    expect(account?.trades.map((t) => [t.symbol, t.side, t.amount.toString(), t.entryPrice?.toString()])).toEqual([
      ["BTC/USDT:USDT", "long", "0.1", "60000"],
    ]);
    const [trade] = account?.trades ?? [];
    expect([trade?.markPrice?.toString(), trade?.unrealisedPnl?.toString()]).toEqual(["61000", "100"]);
    expect([trade?.takeProfit?.toString(), trade?.stopLoss?.toString()]).toEqual(["63000", "59400"]);
    expect(account?.others.map((p) => [p.symbol, p.side, p.contracts.toString()])).toEqual([
      ["ETH/USDT:USDT", "short", "2"],
    ]);
  });

  it("an opposite entry reverses: the long is closed with its PnL, its TP/SL cancelled, and a fresh short opened", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 1, { mode: "fixed", value: "6000" });
    const accountId = followers[0]?.accountId as string;
    await send(strategy, { action: "long", tp_perc: 2, sl_perc: 2 });
    await moveBybit("61000");
    const [reversal] = await send(strategy, { action: "short", tp_perc: 2, sl_perc: 2 });
    expect(reversal).toMatchObject({ status: "filled", price: "61000" });
    expect(reversal?.error).toMatch(/reversed: closed the long trade/);

    const all = await trades(accountId);
    expect(all.map((t) => [t.side, t.status, t.closeReason])).toEqual([
      ["short", "open", null],
      ["long", "closed", "reversal"],
    ]);
    expect(Number(all[1]?.realisedPnl)).toBeCloseTo(100, 6);
    expect(all[1]?.orders.filter((o) => o.kind !== "entry" && o.kind !== "close").map((o) => o.status)).toEqual([
      "canceled",
      "canceled",
    ]);
    // Sized fresh: 6000 USDT at 61000, not what was left of the long.
    expect(all[0]?.amount).toBe("0.09836");
    const position = await testDb.db.prisma.paperPosition.findFirstOrThrow({ where: { accountId } });
    expect(position.contracts.toString()).toBe("-0.09836");
  });

  it("one strategy's entry or close never touches another strategy's trade on the symbol", async () => {
    const { strategy: first, followers } = await seedPaperFollowers(h, 1, { mode: "fixed", value: "6000" });
    const accountId = followers[0]?.accountId as string;
    const second = await h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: "Second opinion",
    });
    await h.admin("POST", "/api/admin/subscriptions", {
      accountId,
      strategy: second.slug,
      sizing: { mode: "fixed", value: "6000" },
    });
    await send(first, { action: "long" });
    const [blocked] = await send(second, { action: "short" });
    expect(blocked?.status).toBe("skipped");
    expect(blocked?.error).toMatch(/already held by a long trade of "Strategy \w+"/);
    const [close] = await send(second, { action: "close" });
    expect(close).toMatchObject({
      status: "skipped",
      error: "no open trade of this strategy in BTC/USDT:USDT to close",
    });
    const open = await trades(accountId, "open");
    expect(open.map((t) => [t.strategy, t.side, t.amount])).toEqual([
      [(first as { slug: string }).slug, "long", "0.1"],
    ]);
  });

  it("simulates the slippage cap from the live price: a moved market opens nothing, a close is never capped", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 1, { mode: "fixed", value: "6000" });
    const { accountId, subscriptionId } = followers[0] as { accountId: string; subscriptionId: string };
    // The provider saw 60000; the market is 0.5% higher, past BTC's default 0.3% (at most 60180).
    await moveBybit("60300");
    const [late] = await send(strategy, { action: "long", price: 60000 });
    expect(late).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED", amount: null });
    expect(late?.error).toMatch(
      /^not filled within the 0\.3% slippage cap: the price moved past 60180; nothing was opened/,
    );
    expect((await trades(accountId))[0]).toMatchObject({ status: "closed", closeReason: "expired", amount: "0" });
    const paper = await testDb.db.prisma.paperOrder.findMany({ where: { accountId } });
    expect(paper.map((o) => [o.type, o.status, o.filledAmount.toFixed()])).toEqual([["limit", "expired", "0"]]);

    // The signal's own cap: 1% of 60000 allows up to 60600, and the entry fills at the live 60300.
    const [within] = await send(strategy, { action: "long", price: 60000, max_slippage_perc: 1 });
    expect(within).toMatchObject({ status: "filled", amount: "0.099502", price: "60300" });
    const [open] = await trades(accountId, "open");
    expect(open?.orders[0]).toMatchObject({ kind: "entry", status: "filled", limitPrice: "60600", triggerPrice: null });

    // A close goes out at market whatever its price says.
    const [close] = await send(strategy, { action: "close", price: 60000 });
    expect(close).toMatchObject({ status: "filled", price: "60300" });
    // The follower's cap beats the signal's: a short from 60400 may take 0.1% less, 60339.6, above the market.
    await testDb.db.prisma.subscription.update({ where: { id: subscriptionId }, data: { maxSlippagePerc: "0.1" } });
    const [refused] = await send(strategy, { action: "short", price: 60400, max_slippage_perc: 2 });
    expect(refused).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    expect(refused?.error).toMatch(/within the 0\.1% slippage cap: the price moved past 60339\.6/);
  });

  it("a paused subscription opens nothing new, but its trade is still closed by the strategy's close", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 1, { mode: "fixed", value: "6000" });
    const { accountId, subscriptionId } = followers[0] as { accountId: string; subscriptionId: string };
    await send(strategy, { action: "long" });
    await testDb.db.prisma.subscription.update({ where: { id: subscriptionId }, data: { status: "paused" } });
    const [close] = await send(strategy, { action: "close" });
    expect(close?.status).toBe("filled");
    expect((await trades(accountId, "closed"))[0]).toMatchObject({ closeReason: "signal" });
    expect(await send(strategy, { action: "long" })).toEqual([]);
    expect(await trades(accountId, "open")).toEqual([]);
  });
});
