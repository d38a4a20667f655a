import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../../test/harness.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { clientOrderIdFor } from "../orders/client-order-id.ts";
import { silentLogger } from "../platform/logger.ts";
import { fanOutSignal, splitIntoJobs } from "./fan-out-signal.ts";

/** The queue, and the followers of each batch job it was given, in order. */
function recordingQueue() {
  const queue = createRecordingQueue();
  const batches = () =>
    queue.jobs.map((j) => {
      expect(j.name).toBe("execute-batch");
      return (j.data as { subscriptionIds: string[] }).subscriptionIds;
    });
  return { queue, jobs: queue.jobs, batches };
}

describe("fanOutSignal", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let seeded: Awaited<ReturnType<typeof seedPaperFollowers>>;
  let strategyId: string;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
    // 40 followers: more than the first page (32), so the second page starts after the first's last id.
    seeded = await seedPaperFollowers(h, 40);
    strategyId = seeded.strategy.id;
    const [paused, removed] = seeded.followers;
    await testDb.db.prisma.subscription.update({ where: { id: paused?.subscriptionId }, data: { status: "paused" } });
    await testDb.db.prisma.exchangeAccount.update({ where: { id: removed?.accountId }, data: { status: "removed" } });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });
  const newSignal = (action: "long" | "close") =>
    testDb.db.prisma.signal.create({
      data: {
        strategyId,
        dedupeKey: `id:${Math.random()}`,
        bodyHash: "x",
        action,
        rawSymbol: "BTCUSDT",
        symbol: "BTC/USDT:USDT",
      },
    });

  it.each([
    ["with what the webhook passes", true],
    ["with only the signal id, as the resume sweep queues it", false],
  ])("gives each active follower one execution and one place in a batch job, %s", async (_label, passed) => {
    const signal = await newSignal("long");
    const { queue, jobs, batches } = recordingQueue();
    const input = passed ? { signalId: signal.id, strategyId, action: signal.action } : { signalId: signal.id };
    const result = await fanOutSignal(input, { db: testDb.db.prisma, sql: testDb.db.sql, queue, logger: silentLogger });

    const active = seeded.followers.slice(2).map((f) => f.subscriptionId);
    expect(result.executions).toBe(38);
    // The first page (32) is one batch, the rest (6) another; each job is named by its first follower.
    expect(batches().map((b) => b.length)).toEqual([32, 6]);
    expect(batches().flat().sort()).toEqual([...active].sort());
    expect(jobs.map((j) => j.jobId)).toEqual(batches().map((b) => `execb_${signal.id}_${b[0]}`));
    const executions = await testDb.db.prisma.execution.findMany({ where: { signalId: signal.id } });
    expect(executions.map((e) => e.subscriptionId).sort()).toEqual([...active].sort());
    for (const e of executions) expect(e.clientOrderId).toBe(clientOrderIdFor(signal.id, e.subscriptionId, "entry"));
    expect((await testDb.db.prisma.signal.findUniqueOrThrow({ where: { id: signal.id } })).status).toBe("dispatched");
  });

  it("starts fetching the signal's price before it writes the first page, when the webhook passed the symbol", async () => {
    const signal = await newSignal("long");
    const { queue, jobs } = recordingQueue();
    const warmed: Array<{ symbol: string; jobsQueued: number }> = [];
    const prices = { warmPrice: (symbol: string) => warmed.push({ symbol, jobsQueued: jobs.length }) };
    const deps = { db: testDb.db.prisma, sql: testDb.db.sql, queue, logger: silentLogger, prices };
    await fanOutSignal({ signalId: signal.id, strategyId, action: "long", symbol: "BTC/USDT:USDT" }, deps);
    expect(warmed).toEqual([{ symbol: "BTC/USDT:USDT", jobsQueued: 0 }]);
    // The resume sweep's job has no symbol: nothing to warm, and the fan-out is the same.
    await fanOutSignal({ signalId: (await newSignal("long")).id }, deps);
    expect(warmed).toHaveLength(1);
  });

  it("creates nothing new when it runs again, and derives the close leg's id for a close", async () => {
    const signal = await newSignal("close");
    const deps = { db: testDb.db.prisma, sql: testDb.db.sql, queue: recordingQueue().queue, logger: silentLogger };
    await fanOutSignal({ signalId: signal.id }, deps);
    const before = await testDb.db.prisma.execution.findMany({
      where: { signalId: signal.id },
      orderBy: { id: "asc" },
    });
    const again = recordingQueue();
    await fanOutSignal({ signalId: signal.id }, { ...deps, queue: again.queue });
    const after = await testDb.db.prisma.execution.findMany({ where: { signalId: signal.id }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(again.batches().flat()).toHaveLength(38);
    for (const e of after) expect(e.clientOrderId).toBe(clientOrderIdFor(signal.id, e.subscriptionId, "close"));
  });
});

describe("splitIntoJobs", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);
  it("makes four jobs of a large page and one of a small one, in order", () => {
    expect(splitIntoJobs(ids(1000)).map((j) => j.length)).toEqual([250, 250, 250, 250]);
    expect(splitIntoJobs(ids(712)).map((j) => j.length)).toEqual([178, 178, 178, 178]);
    expect(splitIntoJobs(ids(256)).map((j) => j.length)).toEqual([64, 64, 64, 64]);
    expect(splitIntoJobs(ids(32)).map((j) => j.length)).toEqual([32]);
    expect(splitIntoJobs(ids(40)).map((j) => j.length)).toEqual([32, 8]);
    expect(splitIntoJobs(ids(1000)).flat()).toEqual(ids(1000));
    expect(splitIntoJobs([])).toEqual([]);
  });
});
