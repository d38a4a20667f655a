import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { type MimicSystem, type Strategy, startMimic } from "./mimic-system.ts";

// A backlog must never open stale positions: signals received while no worker runs, with the strategy's
// maxSignalAgeSec = 1, are past their age when a worker finally starts. Entries are skipped with the reason;
// closes still run, since a late close only reduces risk.

const FOLLOWERS = 20;

type SignalView = {
  status: string;
  executions: { status: string; clientOrderId: string; amount: string | null; error?: string }[];
};

describe("signals older than the strategy's maximum age when their jobs start", () => {
  let fake: FakeBinance;
  let mimic: MimicSystem;
  let strategy: Strategy;

  beforeAll(async () => {
    fake = await startFakeBinance({ startingBalance: "10000" });
    mimic = await startMimic({ fakeUrl: fake.url, workers: 0 });
    strategy = await mimic.createStrategy({ name: "Short fuse", maxSignalAgeSec: 1 });
    await mimic.seed(strategy, FOLLOWERS, "stale");
    // Every follower holds the strategy's BTC long, opened in time, that the late close must flatten.
    const worker = await mimic.startWorker();
    const opened = await mimic.webhook(strategy, { symbol: "BTCUSDT", action: "long", id: "in-time" });
    expect(await mimic.waitTerminal(opened, FOLLOWERS, 30_000)).toEqual({ filled: FOLLOWERS });
    // Then no worker: whatever arrives now waits.
    await worker.stop();
  }, 120_000);
  afterAll(async () => {
    await mimic?.close();
    await fake?.close();
  }, 60_000);

  const view = async (signalId: string) =>
    (await mimic.call("GET", `/api/admin/signals/${signalId}`)).json as SignalView;

  it("skips late entries with the reason and still executes late closes", async () => {
    const lateEntry = await mimic.webhook(strategy, { symbol: "ETHUSDT", action: "short", id: "late-entry" });
    const lateClose = await mimic.webhook(strategy, { symbol: "BTCUSDT", action: "close", id: "late-close" });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await view(lateEntry)).status).toBe("received");

    await mimic.startWorker();
    expect(await mimic.waitTerminal(lateEntry, FOLLOWERS, 30_000)).toEqual({ skipped: FOLLOWERS });
    expect(await mimic.waitTerminal(lateClose, FOLLOWERS, 30_000)).toEqual({ filled: FOLLOWERS });

    const entry = await view(lateEntry);
    for (const e of entry.executions) {
      expect(e.error).toMatch(/^signal was \d+ s old when its turn came, over the 1 s limit$/);
      expect(fake.creates(e.clientOrderId)).toBe(0);
    }
    const close = await view(lateClose);
    expect(close.executions.map((e) => [e.amount, fake.creates(e.clientOrderId)])).toEqual(
      Array(FOLLOWERS).fill([expect.stringMatching(/^0\.0\d+$/), 1]),
    );
    const open = [...fake.state.accounts.values()]
      .flatMap((a) => [...a.positions.values()])
      .filter((p) => !p.amt.isZero());
    expect(open).toEqual([]);
    expect(fake.duplicateCreates()).toEqual([]);
  }, 90_000);
});
