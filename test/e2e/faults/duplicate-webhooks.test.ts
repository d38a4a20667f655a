import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { type MimicSystem, type Strategy, startMimic } from "./mimic-system.ts";

// TradingView and the proxies in front of us do redeliver. Five concurrent deliveries of one webhook must be
// one signal and exactly one entry order per follower, counted at the exchange by client order id.

const FOLLOWERS = 100;

describe("every webhook delivered 5 times at once, API and two workers as separate processes", () => {
  let fake: FakeBinance;
  let mimic: MimicSystem;
  let strategy: Strategy;

  beforeAll(async () => {
    fake = await startFakeBinance({ startingBalance: "10000" });
    mimic = await startMimic({ fakeUrl: fake.url, workers: 2 });
    strategy = await mimic.createStrategy({ name: "Redelivered" });
    await mimic.seed(strategy, FOLLOWERS, "redeliver");
  }, 120_000);
  afterAll(async () => {
    await mimic?.close();
    await fake?.close();
  }, 60_000);

  const deliverFiveTimes = async (body: Record<string, unknown>) => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => mimic.webhook(strategy, body)));
    expect(new Set(ids).size).toBe(1);
    return ids[0] as string;
  };

  const expectOneOrderPerFollower = async (signalId: string) => {
    expect(await mimic.waitTerminal(signalId, FOLLOWERS, 60_000)).toEqual({ filled: FOLLOWERS });
    const executions = await mimic.testDb.db.prisma.execution.findMany({ where: { signalId } });
    expect(executions).toHaveLength(FOLLOWERS);
    expect(executions.map((e) => fake.creates(e.clientOrderId))).toEqual(Array(FOLLOWERS).fill(1));
  };

  it("with the sender's id: one signal, one entry per follower", async () => {
    const signalId = await deliverFiveTimes({ id: "alert-1", symbol: "BINANCE:BTCUSDT.P", action: "long" });
    await expectOneOrderPerFollower(signalId);
  });

  it("without an id (deduplicated by body): one signal, one close per follower", async () => {
    const signalId = await deliverFiveTimes({ symbol: "BTCUSDT.P", action: "close", price: 60000 });
    await expectOneOrderPerFollower(signalId);
    const positions = [...fake.state.accounts.values()].flatMap((a) => [...a.positions.values()]);
    expect(positions.filter((p) => !p.amt.isZero())).toEqual([]);
  });

  it("leaves exactly two signals for the strategy and no client order id created twice", async () => {
    expect(await mimic.testDb.db.prisma.signal.count({ where: { strategyId: strategy.id } })).toBe(2);
    expect(fake.duplicateCreates()).toEqual([]);
    expect(fake.stats().acceptedOrders).toBe(2 * FOLLOWERS);
  });
});
