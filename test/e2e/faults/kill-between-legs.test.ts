import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinanceProcess, startFakeBinanceProcess } from "./fake-binance-process.ts";
import { type MimicSystem, startMimic } from "./mimic-system.ts";

// kill -9 of the worker between two legs of one follower's trade: its entry and first target are at the exchange,
// its second target is on the wire (the exchange will accept it, the dead worker never hears so), the third target
// and the stop are not sent yet. The next worker must find the second target by its client order id, place only
// the third and the stop, and leave every leg at the exchange exactly once.

const fastStall = { WORKER_LOCK_DURATION_MS: "2000", WORKER_STALLED_INTERVAL_MS: "1000" };

describe("kill -9 of the worker between two legs of a take-profit ladder", () => {
  let fake: FakeBinanceProcess;
  let mimic: MimicSystem;

  beforeAll(async () => {
    fake = await startFakeBinanceProcess();
    // Every order spends 400 ms at the exchange: the kill lands while the second target is inside it.
    await fake.setFaults({ orderLatencyMs: 400 });
    mimic = await startMimic({ fakeUrl: fake.url, env: fastStall });
  }, 120_000);
  afterAll(async () => {
    await mimic?.close();
    await fake?.close();
  }, 60_000);

  it("ends with the entry, three targets and the stop each placed once", async () => {
    const strategy = await mimic.createStrategy({ name: "Kill between legs", maxSignalAgeSec: 600 });
    await mimic.seed(strategy, 1, "legs", { mode: "fixed", value: "6000" });
    const signalId = await mimic.webhook(strategy, {
      symbol: "BTCUSDT",
      action: "long",
      id: "legs-1",
      sl_perc: 2,
      take_profits: [
        { perc: 1, size_perc: 50 },
        { perc: 2, size_perc: 30 },
        { perc: 3, size_perc: 20 },
      ],
    });

    // The first target is accepted: the worker's next request is the second target's.
    const suffix = (id: string) => id.slice(id.lastIndexOf("-"));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const creates = Object.keys(await fake.creates()).map(suffix);
      if (creates.includes("-tp")) break;
      if (Date.now() > deadline) throw new Error(`the first target never arrived: ${creates.join(", ")}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 150));
    const [victim] = mimic.workers;
    victim?.child.kill("SIGKILL");
    expect(await victim?.stop()).toBeNull();
    // The request on the wire lands at the exchange after the worker is gone.
    await new Promise((r) => setTimeout(r, 600));
    const atKill = Object.keys(await fake.creates())
      .map(suffix)
      .sort();
    expect(atKill).toEqual(["-e", "-tp", "-tp2"]);
    const prisma = mimic.testDb.db.prisma;
    const tp2 = await prisma.order.findFirst({ where: { kind: "take_profit", leg: 1, execution: { signalId } } });
    // Accepted at the exchange, never written down as such: the order a careless retry would place twice.
    expect(tp2?.status).toBe("sending");

    await mimic.startWorker();
    expect(await mimic.waitTerminal(signalId, 1, 60_000)).toEqual({ filled: 1 });

    const creates = await fake.creates();
    expect(Object.keys(creates).map(suffix).sort()).toEqual(["-e", "-sl", "-tp", "-tp2", "-tp3"]);
    expect(Object.values(creates).every((n) => n === 1)).toBe(true);
    expect((await fake.stats()).duplicates).toEqual([]);
    const legs = await prisma.order.findMany({
      where: { execution: { signalId } },
      orderBy: [{ kind: "asc" }, { leg: "asc" }],
    });
    expect(legs.map((o) => [o.kind, o.leg, o.status, o.requestedAmount.toString()])).toEqual([
      ["entry", 0, "filled", "0.1"],
      ["take_profit", 0, "open", "0.05"],
      ["take_profit", 1, "open", "0.03"],
      ["take_profit", 2, "open", "0.02"],
      ["stop_loss", 0, "open", "0.1"],
    ]);
  }, 150_000);
});
