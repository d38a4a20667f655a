import pLimit from "p-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { executionDeps } from "../../test/execution-deps.ts";
import { seedFollowerExecution, seedSignal } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { executeBatch } from "./execute-batch.ts";

describe("executeBatch", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** One signal and `n` followers on the memory venue, each with its pending execution. */
  async function seed(n: number) {
    const { signal } = await seedSignal(testDb.db.prisma);
    const subscriptionIds: string[] = [];
    for (let i = 0; i < n; i++) {
      subscriptionIds.push((await seedFollowerExecution(testDb.db.prisma, signal)).subscription.id);
    }
    return { signalId: signal.id, subscriptionIds };
  }

  function setup(concurrency: number) {
    const venue = createMemoryExchange({ price: "100" });
    const queue = createRecordingQueue();
    const deps = {
      ...executionDeps(testDb.db, () => venue),
      queue,
      slots: pLimit(concurrency),
      admit: pLimit(4 * concurrency),
      retry: { attempts: 5, backoffMs: 10, maxBackoffMs: 1000 },
    };
    return { venue, queued: queue.jobs, deps };
  }

  const statuses = async (signalId: string) =>
    Object.fromEntries(
      (await testDb.db.prisma.execution.findMany({ where: { signalId } })).map((e) => [e.subscriptionId, e.status]),
    );

  it("fills every follower, and hands one that must wait for a Retry-After on to a job of its own", async () => {
    const { signalId, subscriptionIds } = await seed(4);
    const { venue, queued, deps } = setup(2);
    venue.faults.push("rate-limit");
    await executeBatch({ signalId, subscriptionIds }, deps);

    const byStatus = await statuses(signalId);
    const waiting = subscriptionIds.filter((id) => byStatus[id] === "pending");
    expect(waiting).toHaveLength(1);
    expect(subscriptionIds.filter((id) => byStatus[id] === "filled")).toHaveLength(3);
    expect(queued).toEqual([
      {
        name: "execute-subscription",
        data: { signalId, subscriptionId: waiting[0], priorAttempts: 1 },
        jobId: `exec_${signalId}_${waiting[0]}`,
        // Retry-After was 30 ms, longer than the first backoff step (10 ms).
        delayMs: 30,
      },
    ]);
  });

  it("records a definite refusal as that follower's failure and queues nothing", async () => {
    const { signalId, subscriptionIds } = await seed(3);
    const { venue, queued, deps } = setup(8);
    venue.faults.push("reject");
    await executeBatch({ signalId, subscriptionIds }, deps);
    expect(Object.values(await statuses(signalId)).sort()).toEqual(["failed", "filled", "filled"]);
    expect(queued).toEqual([]);
  });

  it("keeps at most `slots` followers' orders in flight", async () => {
    const { signalId, subscriptionIds } = await seed(6);
    const { venue, deps } = setup(2);
    let inFlight = 0;
    let most = 0;
    const createOrder = venue.client.createOrder.bind(venue.client);
    venue.client.createOrder = async (req) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return createOrder(req);
    };
    await executeBatch({ signalId, subscriptionIds }, deps);
    expect(most).toBe(2);
    expect(Object.values(await statuses(signalId))).toEqual(Array(6).fill("filled"));
  });

  it("frees a follower's order slot before recording its outcome, and admits at most `admit` followers", async () => {
    const { signalId, subscriptionIds } = await seed(6);
    const { venue, deps } = setup(1);
    const events: string[] = [];
    const createOrder = venue.client.createOrder.bind(venue.client);
    venue.client.createOrder = async (req) => {
      events.push("order");
      return createOrder(req);
    };
    let admitted = 0;
    let mostAdmitted = 0;
    const ledger = deps.ledger;
    const finish = ledger.finish.bind(ledger);
    const load = ledger.load.bind(ledger);
    const slowLedger = {
      ...ledger,
      load: async (...args: Parameters<typeof load>) => {
        mostAdmitted = Math.max(mostAdmitted, ++admitted);
        return load(...args);
      },
      // Recording an outcome is slow here: with one slot, the next follower's order must not wait for it.
      finish: async (...args: Parameters<typeof finish>) => {
        events.push("finish-start");
        await new Promise((r) => setTimeout(r, 50));
        await finish(...args);
        events.push("finish-end");
        admitted--;
      },
    };
    await executeBatch({ signalId, subscriptionIds }, { ...deps, ledger: slowLedger, admit: pLimit(3) });
    expect(events.filter((e) => e === "order")).toHaveLength(6);
    // The second order left while the first outcome was still being recorded.
    expect(events.indexOf("order", events.indexOf("finish-start"))).toBeLessThan(events.indexOf("finish-end"));
    expect(mostAdmitted).toBe(3);
    expect(Object.values(await statuses(signalId))).toEqual(Array(6).fill("filled"));
  });
});
