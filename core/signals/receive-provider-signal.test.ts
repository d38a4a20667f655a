import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { isAppError } from "../platform/errors.ts";
import { silentLogger } from "../platform/logger.ts";
import { createStrategy } from "../strategies/create-strategy.ts";
import { createStrategyLookup } from "../strategies/strategy-lookup.ts";
import { receiveProviderSignal } from "./receive-provider-signal.ts";
import { receiveSignal } from "./receive-signal.ts";

describe("receiveProviderSignal", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let strategyId: string;
  let webhook: { slug: string; passphrase: string };
  beforeAll(async () => {
    testDb = await createTestDatabase();
    webhook = await createStrategy({ name: "Provider signals" }, { db: testDb.db.prisma });
    strategyId = (await testDb.db.prisma.strategy.findUniqueOrThrow({ where: { slug: webhook.slug } })).id;
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const queue = createRecordingQueue();
  const deps = () => ({
    db: testDb.db.prisma,
    sql: testDb.db.sql,
    queue,
    clock: { now: () => new Date() },
    logger: silentLogger,
    dedupeWindowSec: 30,
  });
  const message = (extra: object = {}) =>
    JSON.stringify({
      signal_id: "tc-1",
      timestamp: 1796593971,
      action: "OPEN",
      symbol: "BINANCE:ETHUSDT.P",
      side: "BUY",
      quantity: "2",
      entry_price: "3000",
      stop_loss: "2900",
      take_profit: "3300",
      ...extra,
    });

  it("records the message as a signal of the strategy and queues its fan-out", async () => {
    const received = await receiveProviderSignal({ strategyId, content: message() }, deps());
    await received.queued;
    expect(received.duplicate).toBe(false);
    const row = await testDb.db.prisma.signal.findUniqueOrThrow({ where: { id: received.signalId } });
    expect(row).toMatchObject({ strategyId, dedupeKey: "id:tc-1", action: "long", symbol: "ETH/USDT:USDT" });
    expect([row.qty, row.price, row.slPrice, row.tpPrice, row.tpPerc].map((d) => d?.toString() ?? null)).toEqual([
      "2",
      "3000",
      "2900",
      "3300",
      null,
    ]);
    expect(row.sentAt?.toISOString()).toBe("2026-12-06T21:52:51.000Z");
    expect(queue.jobs.map((j) => j.jobId)).toContain(`fanout_${received.signalId}`);
  });

  it("is one signal for the same signal_id, whatever an edit or a repost changed", async () => {
    const first = await receiveProviderSignal({ strategyId, content: message({ signal_id: "tc-2" }) }, deps());
    const edited = message({ signal_id: "tc-2", stop_loss: "2950" });
    const again = await receiveProviderSignal({ strategyId, content: `\`\`\`json\n${edited}\n\`\`\`` }, deps());
    expect(again).toMatchObject({ signalId: first.signalId, duplicate: true });
    expect(await testDb.db.prisma.signal.count({ where: { strategyId, dedupeKey: "id:tc-2" } })).toBe(1);
  });

  it("shares its ids with the webhook: the same id from either is one signal", async () => {
    const fromChannel = await receiveProviderSignal({ strategyId, content: message({ signal_id: "shared" }) }, deps());
    const fromWebhook = await receiveSignal(
      {
        strategy: webhook.slug,
        body: { passphrase: webhook.passphrase, symbol: "ETHUSDT", action: "long", id: "shared" },
      },
      { ...deps(), strategies: createStrategyLookup(testDb.db.prisma) },
    );
    expect(fromWebhook).toMatchObject({ signalId: fromChannel.signalId, duplicate: true });
  });

  it("creates nothing for a malformed message, and says why", async () => {
    const before = await testDb.db.prisma.signal.count();
    const bad = receiveProviderSignal({ strategyId, content: message({ signal_id: "tc-3", stop_loss: "x" }) }, deps());
    await expect(bad).rejects.toSatisfy(
      (err) => isAppError(err, "BAD_REQUEST") && err.message === "stop_loss: must be a positive number such as 61000",
    );
    expect(await testDb.db.prisma.signal.count()).toBe(before);
  });
});
