import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { executionDeps } from "../../test/execution-deps.ts";
import { seedExecution, seedFollowerExecution } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { Decimal } from "../platform/decimal.ts";
import { silentLogger } from "../platform/logger.ts";
import { receiveProviderSignal } from "../signals/receive-provider-signal.ts";
import { executeSubscription } from "./execute-subscription.ts";

// Absolute TP/SL levels (a provider's prices), their precedence, and the provider's own time, through the
// execution path. The memory venue fills at 100 with a price step of 0.01.
describe("executeSubscription with absolute levels", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let venue: ReturnType<typeof createMemoryExchange>;
  let now: Date;
  const deps = () =>
    executionDeps(
      testDb.db,
      () => venue,
      () => now,
    );

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(() => {
    venue = createMemoryExchange({ price: "100" });
    now = new Date();
  });

  const run = (ids: { signalId: string; subscriptionId: string }) =>
    executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps());
  const execution = (ids: { signalId: string; subscriptionId: string }) =>
    testDb.db.prisma.execution.findUniqueOrThrow({ where: { signalId_subscriptionId: ids } });
  const trigger = (type: "take_profit" | "stop_loss") =>
    [...venue.orders.values()].find((o) => o.req.type === type)?.req.triggerPrice?.toString();

  it("places the signal's own levels, rounded to the price step, instead of its percents", async () => {
    const { ids } = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { receivedAt: now, tpPrice: "110.004", slPrice: "95.006", tpPerc: "50", slPerc: "50" },
    });
    await run(ids);
    expect((await execution(ids)).status).toBe("filled");
    expect([trigger("take_profit"), trigger("stop_loss")]).toEqual(["110", "95.01"]);
  });

  it("lets the follower's percent override win over the signal's level", async () => {
    const { ids } = await seedExecution(testDb.db.prisma, {
      action: "short",
      signal: { receivedAt: now, tpPrice: "90", slPrice: "105" },
      subscription: { slPercOverride: "2" },
    });
    await run(ids);
    expect([trigger("take_profit"), trigger("stop_loss")]).toEqual(["90", "102"]);
  });

  it("does not open an entry whose stop-loss the price has already reached, and says so", async () => {
    const { ids } = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { receivedAt: now, slPrice: "100.5", tpPrice: "120" },
    });
    await run(ids);
    const e = await execution(ids);
    expect(e.status).toBe("skipped");
    expect(e.error).toBe("not opened: the signal's stop-loss 100.5 is already reached, BTC/USDT:USDT is at 100");
    expect(venue.sent).toHaveLength(0);
  });

  it("closes at market, as the stop would have, when the fill slipped past the stop-loss", async () => {
    // The price the entry was sized at (102) is above the stop; the fill (100) is below it.
    venue.client.fetchPrice = async () => new Decimal(102);
    const { ids, account } = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { receivedAt: now, slPrice: "101", tpPrice: "120" },
    });
    await run(ids);
    expect((await execution(ids)).status).toBe("filled");
    const trade = await testDb.db.prisma.trade.findFirstOrThrow({ where: { accountId: account.id } });
    expect(trade).toMatchObject({ status: "closed", closeReason: "stop_loss" });
    expect(trigger("stop_loss")).toBeUndefined();
    expect(trigger("take_profit")).toBeUndefined();
    expect(venue.positions.size).toBe(0);
  });

  it("skips an entry whose provider timestamp is older than the strategy's max age, as any stale signal", async () => {
    const { ids } = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { receivedAt: now, sentAt: new Date(now.getTime() - 120_000) },
    });
    await run(ids);
    const e = await execution(ids);
    expect(e.status).toBe("skipped");
    expect(e.error).toMatch(/120 s old .* over the 60 s limit/);
  });

  it("copies a provider's channel message end to end: quantity sizes a multiplier follower, levels protect", async () => {
    const strategy = await testDb.db.prisma.strategy.create({
      data: { name: "Provider", slug: `p-${crypto.randomUUID().slice(0, 8)}`, passphraseHash: "x" },
    });
    const content = JSON.stringify({
      signal_id: 7001,
      timestamp: Math.floor(now.getTime() / 1000),
      action: "OPEN",
      symbol: "BTCUSDT",
      side: "SELL",
      quantity: "0.5",
      entry_price: 100,
      stop_loss: "104",
      take_profit: "91.5",
    });
    const received = await receiveProviderSignal(
      { strategyId: strategy.id, content },
      {
        db: testDb.db.prisma,
        queue: createRecordingQueue(),
        clock: { now: () => now },
        logger: silentLogger,
        dedupeWindowSec: 30,
      },
    );
    const signal = await testDb.db.prisma.signal.update({
      where: { id: received.signalId },
      data: { status: "dispatched" },
    });
    const follower = await seedFollowerExecution(testDb.db.prisma, signal, {
      subscription: { sizingMode: "multiplier", sizingValue: "3" },
    });
    await run({ signalId: signal.id, subscriptionId: follower.subscription.id });
    const e = await execution({ signalId: signal.id, subscriptionId: follower.subscription.id });
    expect(e).toMatchObject({ status: "filled", side: "sell" });
    expect(e.requestedAmount?.toString()).toBe("1.5");
    expect([trigger("take_profit"), trigger("stop_loss")]).toEqual(["91.5", "104"]);
  });
});
