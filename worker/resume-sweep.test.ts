import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeUnfinishedWork } from "../core/copying/resume-unfinished-work.ts";
import type { JobName, JobQueue, JobToAdd } from "../core/platform/jobs.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { createTestDatabase } from "../test/db.ts";
import { startResumeSweep } from "./resume-sweep.ts";

function recordingQueue() {
  const added: { name: JobName; jobId: string }[] = [];
  const queue: JobQueue = {
    async add(name, job) {
      added.push({ name, jobId: job.jobId });
    },
    async addBulk<N extends JobName>(name: N, jobs: JobToAdd<N>[]) {
      for (const job of jobs) added.push({ name, jobId: job.jobId });
    },
    ping: async () => true,
    close: async () => {},
  };
  return { queue, added };
}

describe("resumeUnfinishedWork and the periodic sweep", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const prisma = testDb.db.prisma;
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    const strategy = await prisma.strategy.create({ data: { name: "s", slug: "s", passphraseHash: "x" } });
    const signal = async (key: string, status: "received" | "dispatched", receivedAt: Date) => {
      const row = await prisma.signal.create({
        data: {
          strategyId: strategy.id,
          dedupeKey: key,
          bodyHash: "h",
          action: "long",
          rawSymbol: "BTCUSDT",
          symbol: "BTC/USDT:USDT",
          status,
          receivedAt,
        },
      });
      ids[key] = row.id;
      return row.id;
    };
    await signal("quiet-received", "received", ago(120));
    await signal("fresh-received", "received", ago(1));
    await signal("older-than-lookback", "received", ago(7 * 3600));
    const dispatched = await signal("dispatched", "dispatched", ago(120));

    const user = await prisma.user.create({ data: {} });
    const execution = async (key: string, status: "pending" | "placed" | "filled", updatedSecAgo: number) => {
      const account = await prisma.exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
      const sub = await prisma.subscription.create({
        data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "100" },
      });
      const row = await prisma.execution.create({
        data: { signalId: dispatched, subscriptionId: sub.id, accountId: account.id, clientOrderId: key, status },
      });
      await prisma.$executeRaw`UPDATE "Execution" SET "updatedAt" = ${ago(updatedSecAgo)} WHERE "id" = ${row.id}`;
      ids[key] = sub.id;
      return row.id;
    };
    await execution("quiet-pending", "pending", 120);
    await execution("quiet-placed", "placed", 120);
    await execution("fresh-pending", "pending", 1);
    await execution("quiet-filled", "filled", 120);
    // Quiet itself, but its order was just written: an attempt is in flight somewhere.
    const busy = await execution("busy-pending", "pending", 120);
    await prisma.order.create({
      data: {
        executionId: busy,
        kind: "entry",
        clientOrderId: "busy-entry",
        symbol: "BTC/USDT:USDT",
        side: "buy",
        type: "market",
        requestedAmount: "1",
      },
    });
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const deps = (queue: JobQueue) => ({
    db: testDb.db.prisma,
    queue,
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  const jobOf = (key: string) => `exec_${ids.dispatched}_${ids[key]}`;
  // The sweep names a job by the execution's last change: strip that to compare which executions were queued.
  const queued = (added: { jobId: string }[]) => added.map((a) => a.jobId.replace(/_r\d+$/, "")).sort();

  it("at start-up re-enqueues every unfinished signal and execution inside the look-back", async () => {
    const { queue, added } = recordingQueue();
    expect(await resumeUnfinishedWork(deps(queue))).toEqual({ signals: 2, executions: 4 });
    expect(queued(added)).toEqual(
      [
        `fanout_${ids["quiet-received"]}`,
        `fanout_${ids["fresh-received"]}`,
        jobOf("quiet-pending"),
        jobOf("quiet-placed"),
        jobOf("fresh-pending"),
        jobOf("busy-pending"),
      ].sort(),
    );
  });

  it("with staleAfterMs leaves alone what moved recently, including an execution whose order was just written", async () => {
    const { queue, added } = recordingQueue();
    expect(await resumeUnfinishedWork({ ...deps(queue), staleAfterMs: 30_000 })).toEqual({ signals: 1, executions: 2 });
    expect(queued(added)).toEqual(
      [`fanout_${ids["quiet-received"]}`, jobOf("quiet-pending"), jobOf("quiet-placed")].sort(),
    );
  });

  it("the sweep repeats on its interval, survives a failing round, and stops", async () => {
    const { queue, added } = recordingQueue();
    let failNext = true;
    const flaky: JobQueue = {
      ...queue,
      async addBulk(name, jobs) {
        if (failNext) {
          failNext = false;
          throw new Error("redis is away");
        }
        return queue.addBulk(name, jobs);
      },
    };
    const warnings: string[] = [];
    const logger = Object.assign(Object.create(silentLogger), {
      warn: (_o: object, msg: string) => warnings.push(msg),
    });
    const sweep = startResumeSweep({ ...deps(flaky), logger, intervalMs: 30, staleAfterMs: 30_000 });
    await new Promise((r) => setTimeout(r, 200));
    await sweep.stop();
    const rounds = queued(added).filter((id) => id === jobOf("quiet-pending")).length;
    expect(warnings).toEqual(["resume sweep failed"]);
    expect(rounds).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(queued(added).filter((id) => id === jobOf("quiet-pending")).length).toBe(rounds);
  });

  it("re-runs an execution whatever job ids completed before: each change of the execution names a new job", async () => {
    const first = recordingQueue();
    await resumeUnfinishedWork({ ...deps(first.queue), staleAfterMs: 30_000 });
    const before = first.added.find((a) => a.jobId.startsWith(jobOf("quiet-pending")))?.jobId;
    // A run that left it unfinished touched it; once quiet again, the sweep must be able to queue it anew.
    await testDb.db.prisma.$executeRaw`UPDATE "Execution" SET "updatedAt" = now() - interval '90 seconds'
      WHERE "subscriptionId" = ${ids["quiet-pending"]}`;
    const second = recordingQueue();
    await resumeUnfinishedWork({ ...deps(second.queue), staleAfterMs: 30_000 });
    const after = second.added.find((a) => a.jobId.startsWith(jobOf("quiet-pending")))?.jobId;
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});
