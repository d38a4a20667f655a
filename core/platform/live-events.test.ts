import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createInProcessLiveEvents, createRedisLiveEvents, type LiveEvent } from "./live-events.ts";
import { silentLogger } from "./logger.ts";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const next = (subscribe: (l: (e: LiveEvent[]) => void) => () => void) =>
  new Promise<LiveEvent[]>((resolve) => {
    const off = subscribe((events) => {
      off();
      resolve(events);
    });
  });

describe("live events", () => {
  const connections: Redis[] = [];
  afterAll(() => {
    for (const c of connections) c.disconnect();
  });

  it("in process: a burst becomes one batch, executions of a signal and status merged", async () => {
    const bus = createInProcessLiveEvents();
    const received = next(bus.subscribe);
    for (let i = 0; i < 1000; i++) bus.publish({ type: "execution", signalId: "s1", status: "filled" });
    bus.publish({ type: "execution", signalId: "s1", status: "failed" });
    bus.publish({ type: "signal", signalId: "s2", strategyId: "x" });
    expect(await received).toEqual([
      { type: "execution", signalId: "s1", status: "filled" },
      { type: "execution", signalId: "s1", status: "failed" },
      { type: "signal", signalId: "s2", strategyId: "x" },
    ]);
    await bus.close();
  });

  it("a listener that throws does not stop the others", async () => {
    const bus = createInProcessLiveEvents({ logger: silentLogger });
    bus.subscribe(() => {
      throw new Error("broken page");
    });
    const received = next(bus.subscribe);
    bus.publish({ type: "trade", tradeId: "t", state: "closed" });
    expect(await received).toHaveLength(1);
    await bus.close();
  });

  it("with Redis: what one process publishes reaches another's listeners", async () => {
    const channel = `mimic-test-${randomBytes(4).toString("hex")}:live-events`;
    const a = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const b = new Redis(redisUrl, { maxRetriesPerRequest: null });
    connections.push(a, b);
    const worker = createRedisLiveEvents({ connection: a, channel, logger: silentLogger });
    const api = createRedisLiveEvents({ connection: b, channel, logger: silentLogger });
    const received = next(api.subscribe);
    // The subscription is set up asynchronously: publish until it is in place.
    const timer = setInterval(() => worker.publish({ type: "worker", id: "w1", state: "up" }), 50);
    try {
      expect((await received)[0]).toEqual({ type: "worker", id: "w1", state: "up" });
    } finally {
      clearInterval(timer);
      await worker.close();
      await api.close();
    }
  });
});
