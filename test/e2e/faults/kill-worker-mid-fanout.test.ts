import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinanceProcess, startFakeBinanceProcess } from "./fake-binance-process.ts";
import { type MimicSystem, startMimic } from "./mimic-system.ts";

// kill -9 of the only worker halfway through a 1,000-follower fan-out, then a new worker. BullMQ hands the dead
// worker's active jobs to the new one once their locks (2 s here) expire; jobs whose order row says "sending"
// must ask the exchange by client order id before sending again.

const FOLLOWERS = 1000;
const fastStall = { WORKER_LOCK_DURATION_MS: "2000", WORKER_STALLED_INTERVAL_MS: "1000" };

describe("kill -9 of the worker in the middle of a 1,000-follower fan-out", () => {
  let fake: FakeBinanceProcess;
  let mimic: MimicSystem;

  beforeAll(async () => {
    fake = await startFakeBinanceProcess();
    // Every order spends 150 ms at the exchange, so at the kill dozens of them are on the wire.
    await fake.setFaults({ orderLatencyMs: 150 });
    mimic = await startMimic({ fakeUrl: fake.url, env: { ...fastStall, WORKER_CONCURRENCY: "64" } });
  }, 120_000);
  afterAll(async () => {
    await mimic?.close();
    await fake?.close();
  }, 60_000);

  it("ends with 1,000 orders at the exchange: none doubled, none lost, every execution filled", async () => {
    const strategy = await mimic.createStrategy({ name: "Kill nine", maxSignalAgeSec: 600 });
    await mimic.seed(strategy, FOLLOWERS, "kill9");
    const signalId = await mimic.webhook(strategy, { symbol: "BTCUSDT", action: "long", id: "kill-9" });

    // Kill once half are accepted and a good number are inside the exchange's 150 ms: the worker sends in waves,
    // and a kill between two waves would leave nothing on the wire to find.
    for (;;) {
      const { acceptedOrders, createsInFlight } = await fake.stats();
      if (acceptedOrders >= FOLLOWERS / 2 && createsInFlight >= 16) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const [victim] = mimic.workers;
    victim?.child.kill("SIGKILL");
    expect(await victim?.stop()).toBeNull();

    // Requests already at the exchange still complete there; let them, then take stock.
    await new Promise((r) => setTimeout(r, 500));
    const prisma = mimic.testDb.db.prisma;
    const acceptedAtKill = (await fake.stats()).acceptedOrders;
    expect(acceptedAtKill).toBeLessThan(FOLLOWERS * 0.9);
    const inFlight = await prisma.order.findMany({ where: { status: "sending", execution: { signalId } } });
    const recordedAtKill = await prisma.order.count({ where: { status: "filled", execution: { signalId } } });
    // Placed at the exchange, but the dead worker never wrote that down: the dangerous ones.
    expect(acceptedAtKill - recordedAtKill).toBeGreaterThan(0);

    const successor = await mimic.startWorker();
    expect(await mimic.waitTerminal(signalId, FOLLOWERS, 90_000)).toEqual({ filled: FOLLOWERS });

    const executions = await prisma.execution.findMany({ where: { signalId }, select: { clientOrderId: true } });
    const creates = await fake.creates();
    expect(Object.keys(creates).sort()).toEqual(executions.map((e) => e.clientOrderId).sort());
    expect(Object.values(creates).every((n) => n === 1)).toBe(true);
    const stats = await fake.stats();
    expect(stats).toMatchObject({ acceptedOrders: FOLLOWERS, duplicates: [] });

    // The orders that were on the wire when the worker died: each placed once, and filled in our books.
    const after = await prisma.order.findMany({ where: { id: { in: inFlight.map((o) => o.id) } } });
    expect(after.map((o) => [o.status, creates[o.clientOrderId]])).toEqual(inFlight.map(() => ["filled", 1]));
    // Those the exchange had already accepted were found by client order id; only the others were sent again.
    const log = successor.output();
    const found = log.match(/found at the exchange; not resending/g)?.length ?? 0;
    const resent = log.match(/is not at the exchange; sending it again/g)?.length ?? 0;
    expect(found).toBe(acceptedAtKill - recordedAtKill);
    expect(found + resent).toBe(inFlight.length);
  }, 150_000);
});
