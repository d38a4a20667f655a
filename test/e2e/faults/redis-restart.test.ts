import { afterEach, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { type MimicSystem, startMimic } from "./mimic-system.ts";
import { type PrivateRedis, startPrivateRedis } from "./private-redis.ts";

// Redis goes away in the middle of a fan-out and comes back: with its append-only file (as docker-compose runs
// it) the queues pick up where they were; without, the queued jobs are gone and the workers' periodic sweep
// re-enqueues what the database says is unfinished.

const FOLLOWERS = 300;

describe("Redis restarted in the middle of a fan-out", () => {
  let fake: FakeBinance | undefined;
  let redis: PrivateRedis | undefined;
  let mimic: MimicSystem | undefined;

  afterEach(async () => {
    await mimic?.close();
    await redis?.close();
    await fake?.close();
  }, 60_000);

  async function fanOutAcrossRestart(opts: { persistent: boolean; env: Record<string, string> }) {
    fake = await startFakeBinance({ startingBalance: "10000", faults: { orderLatencyMs: 100 } });
    redis = await startPrivateRedis({ persistent: opts.persistent });
    mimic = await startMimic({
      fakeUrl: fake.url,
      redisUrl: redis.url,
      // A job fetched by a command whose reply died with the connection sits in "active" until its lock expires
      // and a stalled check re-queues it: up to 60 s on the 30 s defaults, 6 s here.
      env: {
        // Few followers in flight (two batches taken at a time), so most of the fan-out is still queued in
        // Redis when it restarts.
        WORKER_CONCURRENCY: "8",
        WORKER_LOCK_DURATION_MS: "5000",
        WORKER_STALLED_INTERVAL_MS: "1000",
        ...opts.env,
      },
    });
    const strategy = await mimic.createStrategy({ name: "Redis restart", maxSignalAgeSec: 600 });
    await mimic.seed(strategy, FOLLOWERS, "redis");
    const signalId = await mimic.webhook(strategy, { symbol: "BTCUSDT", action: "long", id: "redis-1" });

    while (fake.stats().acceptedOrders < FOLLOWERS / 4) await new Promise((r) => setTimeout(r, 10));
    await redis.restart({ downMs: 500 });
    const acceptedAtRestart = fake.stats().acceptedOrders;
    expect(acceptedAtRestart).toBeLessThan(FOLLOWERS * 0.75);

    expect(await mimic.waitTerminal(signalId, FOLLOWERS, 60_000)).toEqual({ filled: FOLLOWERS });
    const executions = await mimic.testDb.db.prisma.execution.findMany({ where: { signalId } });
    expect(executions.map((e) => fake?.creates(e.clientOrderId))).toEqual(Array(FOLLOWERS).fill(1));
    expect(fake.duplicateCreates()).toEqual([]);
    expect(fake.stats().acceptedOrders).toBe(FOLLOWERS);
    return { worker: mimic.workers[0]?.output() ?? "" };
  }

  it("with its append-only file: the fan-out completes from the queues, nothing lost or doubled", async () => {
    // The sweep off: completion must come from the queue state Redis kept.
    const { worker } = await fanOutAcrossRestart({ persistent: true, env: { RESUME_SWEEP_INTERVAL_MS: "0" } });
    expect(worker).not.toMatch(/resumed unfinished work/);
  }, 120_000);

  it("without persistence: the sweep re-enqueues what was lost, nothing lost or doubled", async () => {
    const { worker } = await fanOutAcrossRestart({
      persistent: false,
      env: { RESUME_SWEEP_INTERVAL_MS: "500", RESUME_SWEEP_STALE_MS: "3000" },
    });
    expect(worker).toMatch(/"executions":[1-9]\d*.*"msg":"resumed unfinished work"/);
  }, 120_000);
});
