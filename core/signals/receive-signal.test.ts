import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { resumeUnfinishedWork } from "../copying/resume-unfinished-work.ts";
import type { JobQueue } from "../platform/jobs.ts";
import { silentLogger } from "../platform/logger.ts";
import { createStrategy } from "../strategies/create-strategy.ts";
import { createStrategyLookup } from "../strategies/strategy-lookup.ts";
import { receiveSignal } from "./receive-signal.ts";

describe("receiveSignal", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let strategy: { slug: string; passphrase: string };
  beforeAll(async () => {
    testDb = await createTestDatabase();
    strategy = await createStrategy({ name: "Receive signal" }, { db: testDb.db.prisma });
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const deps = (queue: JobQueue) => ({
    db: testDb.db.prisma,
    strategies: createStrategyLookup(testDb.db.prisma),
    queue,
    clock: { now: () => new Date() },
    logger: silentLogger,
    dedupeWindowSec: 30,
  });
  const added = (queue: ReturnType<typeof createRecordingQueue>) =>
    queue.jobs.map(({ name, jobId }) => ({ name, jobId }));
  const body = (id: string) => ({ passphrase: strategy.passphrase, symbol: "BTCUSDT", action: "long", id });

  it("records the signal and queues its fan-out once", async () => {
    const queue = createRecordingQueue();
    const first = await receiveSignal({ strategy: strategy.slug, body: body("a") }, deps(queue));
    await first.queued;
    expect(first.duplicate).toBe(false);
    expect(added(queue)).toEqual([{ name: "fan-out-signal", jobId: `fanout_${first.signalId}` }]);
  });

  it("keeps a signal whose fan-out could not be queued, and the resume sweep queues it", async () => {
    const queue = createRecordingQueue();
    queue.down = true;
    const received = await receiveSignal({ strategy: strategy.slug, body: body("b") }, deps(queue));
    await expect(received.queued).resolves.toBeUndefined();
    const row = await testDb.db.prisma.signal.findUniqueOrThrow({ where: { id: received.signalId } });
    expect(row.status).toBe("received");

    queue.down = false;
    const resumed = await resumeUnfinishedWork({ ...deps(queue), staleAfterMs: 0 });
    expect(resumed.signals).toBeGreaterThanOrEqual(1);
    expect(added(queue)).toContainEqual({ name: "fan-out-signal", jobId: `fanout_${received.signalId}` });
  });

  it("queues again on a redelivery while the signal is still waiting for its fan-out", async () => {
    const queue = createRecordingQueue();
    queue.down = true;
    const first = await receiveSignal({ strategy: strategy.slug, body: body("c") }, deps(queue));
    await first.queued;
    queue.down = false;
    const again = await receiveSignal({ strategy: strategy.slug, body: body("c") }, deps(queue));
    await again.queued;
    expect(again).toMatchObject({ signalId: first.signalId, duplicate: true });
    expect(added(queue)).toEqual([{ name: "fan-out-signal", jobId: `fanout_${first.signalId}` }]);
  });
});
