import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../db.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../harness.ts";

type SignalView = {
  id: string;
  status: string;
  symbol: string;
  executions: {
    status: string;
    amount: string | null;
    price: string | null;
    side: string;
    clientOrderId: string;
    error?: string;
  }[];
};

describe("webhook to order on paper accounts (Postgres, in-process queue)", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("fills one order per follower, sized from each follower's settings, with TP/SL", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 3);
    expect(strategy.webhookUrl).toBe(`http://mimic.test/webhooks/tradingview/${strategy.slug}`);

    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BINANCE:BTCUSDT.P",
      action: "long",
      leverage: 5,
      tp_perc: 2,
      sl_perc: 1,
      price: 50000,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();

    const signal = await h.admin<SignalView>("GET", `/api/admin/signals/${signalId}`);
    expect(signal.symbol).toBe("BTC/USDT:USDT");
    expect(signal.status).toBe("dispatched");
    expect(signal.executions).toHaveLength(3);
    for (const e of signal.executions) {
      expect(e).toMatchObject({ status: "filled", side: "buy", amount: "0.02", price: "50000" });
      expect(e.error).toBeUndefined();
    }

    const orders = await testDb.db.prisma.order.findMany({ where: { execution: { signalId } } });
    expect(orders.filter((o) => o.kind === "take_profit").map((o) => o.triggerPrice?.toString())).toEqual(
      Array(3).fill("51000"),
    );
    expect(orders.filter((o) => o.kind === "stop_loss")).toHaveLength(3);
    const positions = await testDb.db.prisma.paperPosition.findMany({
      where: { accountId: { in: followers.map((f) => f.accountId) }, symbol: "BTC/USDT:USDT" },
    });
    expect(positions.map((p) => p.contracts.toString())).toEqual(["0.02", "0.02", "0.02"]);
  });

  it("close closes each follower's position reduce-only and cancels its TP/SL", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 2);
    const send = async (body: object) => {
      const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
        passphrase: strategy.passphrase,
        ...body,
      });
      expect(res.status).toBe(202);
      await h.queue.drain();
      return ((await res.json()) as { signalId: string }).signalId;
    };
    await send({ symbol: "ETHUSDT", action: "short", tp_perc: 3, price: 3000 });
    const closeId = await send({ symbol: "ETHUSDT.P", action: "close", price: 2900 });

    const signal = await h.admin<SignalView>("GET", `/api/admin/signals/${closeId}`);
    expect(signal.executions.map((e) => [e.status, e.side ?? "buy", e.amount])).toEqual([
      ["filled", "buy", expect.any(String)],
      ["filled", "buy", expect.any(String)],
    ]);
    const prisma = testDb.db.prisma;
    const accountIds = followers.map((f) => f.accountId);
    const positions = await prisma.paperPosition.findMany({
      where: { accountId: { in: accountIds }, symbol: "ETH/USDT:USDT" },
    });
    expect(positions).toHaveLength(2);
    expect(positions.every((p) => p.contracts.isZero())).toBe(true);
    const open = await prisma.paperOrder.count({ where: { accountId: { in: accountIds }, status: "open" } });
    expect(open).toBe(0);
    // Short 1000 USDT at 3000, covered at 2900: +33.33 each, less 0.05% taker fees on 1000 and 966.67.
    const wallets = await prisma.paperBalance.findMany({ where: { accountId: { in: accountIds } } });
    for (const w of wallets) expect(Number(w.wallet.toString())).toBeCloseTo(10033.33 - 0.5 - 0.48, 1);
    const trades = await prisma.trade.findMany({ where: { accountId: { in: accountIds } } });
    expect(trades.map((t) => [t.status, t.closeReason, t.realisedPnl.toFixed(2)])).toEqual(
      Array(2).fill(["closed", "signal", "33.33"]),
    );
  });

  it("a close with no trade is skipped with the reason", async () => {
    const { strategy } = await seedPaperFollowers(h, 1);
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "SOLUSDT",
      action: "close",
    });
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();
    const signal = await h.admin<SignalView>("GET", `/api/admin/signals/${signalId}`);
    expect(signal.executions[0]).toMatchObject({
      status: "skipped",
      error: "no open trade of this strategy in SOL/USDT:USDT to close",
    });
  });

  it("a follower who cannot afford the order fails with the reason and holds up no one", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 3, { mode: "fixed", value: "5000" });
    await testDb.db.prisma.paperBalance.update({
      where: { accountId: followers[1]?.accountId },
      data: { wallet: "100" },
    });
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT",
      action: "long",
      price: 50000,
    });
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();
    const signal = await h.admin<SignalView>("GET", `/api/admin/signals/${signalId}`);
    expect(signal.executions.map((e) => e.status)).toEqual(["filled", "failed", "filled"]);
    expect(signal.executions[1]?.error).toMatch(/margin/);
  });
});
