import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { executionDeps } from "../../test/execution-deps.ts";
import { seedExecution, seedNextSignal } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import { executeSubscription } from "./execute-subscription.ts";

// The entry's slippage cap through the copying path, on the in-memory venue (base "X": the 0.5% default, price
// step 0.01). The same behaviour end to end: test/e2e/trades/binance-slippage.test.ts and paper-trades.test.ts.

describe("executeSubscription under a slippage cap", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let venue: ReturnType<typeof createMemoryExchange>;
  const deps = () => executionDeps(testDb.db, () => venue);

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(() => {
    venue = createMemoryExchange({ price: "100" });
  });

  const execution = (ids: { signalId: string; subscriptionId: string }) =>
    testDb.db.prisma.execution.findUniqueOrThrow({ where: { signalId_subscriptionId: ids } });
  const entryRow = (clientOrderId: string) =>
    testDb.db.prisma.order.findUniqueOrThrow({ where: { clientOrderId }, include: { trade: true } });
  const run = (ids: { signalId: string; subscriptionId: string }, attempt = 1) =>
    executeSubscription({ ...ids, attempt, maxAttempts: 5 }, deps());

  it("sends the entry as an IOC limit at the live price plus the default cap, and fills it at the market", async () => {
    const { ids, clientOrderId } = await seedExecution(testDb.db.prisma, { action: "long" });
    await run(ids);
    const sent = venue.orders.get(clientOrderId)?.req;
    expect(sent).toMatchObject({ type: "limit", timeInForce: "IOC" });
    expect(sent?.price?.toFixed()).toBe("100.5");
    expect(await execution(ids)).toMatchObject({ status: "filled" });
    expect((await execution(ids)).avgPrice?.toFixed()).toBe("100");
    // What was asked for is kept on the row: the limit, beside what the venue reported.
    const row = await entryRow(clientOrderId);
    expect(row).toMatchObject({ type: "limit", status: "filled" });
    expect(row.triggerPrice?.toFixed()).toBe("100.5");
  });

  it("measures the cap from the signal's price: a market that moved past it opens nothing and says why", async () => {
    // Long from 98: at most 98.49; the market is at 100.
    const { ids, clientOrderId } = await seedExecution(testDb.db.prisma, { action: "long", signal: { price: "98" } });
    await run(ids);
    const e = await execution(ids);
    expect(e).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    expect(e.error).toMatch(
      /^not filled within the 0\.5% slippage cap: the price moved past 98\.49; nothing was opened/,
    );
    expect(venue.positions.size).toBe(0);
    const row = await entryRow(clientOrderId);
    expect(row).toMatchObject({ status: "canceled" });
    expect(row.trade).toMatchObject({ status: "closed", closeReason: "expired", liveKey: null });
    // Reported, not chased: one order, and nothing queued again.
    expect(venue.sent).toEqual([clientOrderId]);
  });

  it("a short's limit sits below the reference: it fills while the market is at or above it", async () => {
    const { ids, clientOrderId } = await seedExecution(testDb.db.prisma, {
      action: "short",
      signal: { price: "100.4", maxSlippagePerc: "0.5" },
    });
    await run(ids);
    // 100.4 × 0.995 = 99.898 → up to 99.9: the market at 100 is within.
    expect(venue.orders.get(clientOrderId)?.req.price?.toFixed()).toBe("99.9");
    expect(await execution(ids)).toMatchObject({ status: "filled", side: "sell" });
  });

  it("the follower's cap beats the signal's, either way", async () => {
    // The signal allows 0.5% from 99 (at most 99.49): the market at 100 is past it, but the follower allows 2%.
    const wider = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { price: "99", maxSlippagePerc: "0.5" },
      subscription: { maxSlippagePerc: "2" },
    });
    await run(wider.ids);
    expect(venue.orders.get(wider.clientOrderId)?.req.price?.toFixed()).toBe("100.98");
    expect(await execution(wider.ids)).toMatchObject({ status: "filled" });

    // The signal allows 3% from 99.5; the follower only 0.1% (at most 99.59).
    venue = createMemoryExchange({ price: "100" });
    const tighter = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { price: "99.5", maxSlippagePerc: "3" },
      subscription: { maxSlippagePerc: "0.1" },
    });
    await run(tighter.ids);
    const e = await execution(tighter.ids);
    expect(e).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    expect(e.error).toMatch(/within the 0\.1% slippage cap: the price moved past 99\.59/);
  });

  it("a re-sent entry asks for the limit first asked for, not a new one from a moved market", async () => {
    const { ids, clientOrderId } = await seedExecution(testDb.db.prisma, { action: "long" });
    venue.faults.push("timeout");
    await expect(run(ids, 1)).rejects.toThrow();
    venue.setPrice("101");
    await run(ids, 2);
    expect(venue.sent).toEqual([clientOrderId, clientOrderId]);
    expect(venue.orders.get(clientOrderId)?.req.price?.toFixed()).toBe("100.5");
    expect(await execution(ids)).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
  });

  it("a close is never capped: it goes out at market however far the price has moved", async () => {
    const opened = await seedExecution(testDb.db.prisma, { action: "long" });
    await run(opened.ids);
    venue.setPrice("80");
    const close = await seedNextSignal(testDb.db.prisma, opened, { action: "close", signal: { price: "100" } });
    await run(close.ids);
    expect(venue.orders.get(close.clientOrderId)?.req).toMatchObject({ type: "market", reduceOnly: true });
    expect(await execution(close.ids)).toMatchObject({ status: "filled" });
    expect((await execution(close.ids)).avgPrice?.toFixed()).toBe("80");
  });
});
