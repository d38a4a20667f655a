import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderFaultContext } from "../../fake-binance/faults.ts";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { type MimicSystem, type Strategy, startMimic } from "./mimic-system.ts";

// The exchange misbehaves on order creation (entries and TP/SL alike): 10% of requests are accepted and then
// never answered, 5% answered 429 with Retry-After, 5% answered 502. Each client order id suffers at most
// three faults, so every order can get through within the retry budget.

const FOLLOWERS = 200;
const BROKE = 5;
type Fault = "timeout" | "rate-limit" | "bad-gateway";

describe("orders through a faulty exchange, API and worker as separate processes", () => {
  let fake: FakeBinance;
  let mimic: MimicSystem;
  let strategy: Strategy;
  const fired: Record<Fault, number> = { timeout: 0, "rate-limit": 0, "bad-gateway": 0 };
  const draws = new Map<string, Fault | null>();

  // One draw per request, shared by the three rules the fake evaluates in turn.
  const draw = (ctx: OrderFaultContext): Fault | null => {
    const key = `${ctx.clientOrderId}#${ctx.attempt}`;
    let fault = draws.get(key);
    if (fault === undefined) {
      const r = Math.random();
      fault = ctx.attempt > 3 ? null : r < 0.1 ? "timeout" : r < 0.15 ? "rate-limit" : r < 0.2 ? "bad-gateway" : null;
      draws.set(key, fault);
      if (fault) fired[fault] += 1;
    }
    return fault;
  };

  beforeAll(async () => {
    fake = await startFakeBinance({
      startingBalance: "10000",
      holdMs: 3000,
      faults: {
        timeoutAfterAccept: (ctx) => draw(ctx) === "timeout",
        timeoutMode: "hold",
        rateLimit429: (ctx) => draw(ctx) === "rate-limit",
        retryAfterSec: 1,
        badGateway502: (ctx) => draw(ctx) === "bad-gateway",
      },
    });
    mimic = await startMimic({ fakeUrl: fake.url, env: { EXCHANGE_TIMEOUT_MS: "1000", WORKER_CONCURRENCY: "64" } });
    strategy = await mimic.createStrategy({ name: "Faulty venue", maxSignalAgeSec: 600 });
    await mimic.seed(strategy, FOLLOWERS, "faulty");
    // Followers whose margin cannot carry the order: a definite refusal, whatever the faults around it.
    for (let i = 0; i < BROKE; i++) fake.addKey(`broke-${i}`, `secret-broke-${i}`, "50");
    await mimic.seed(strategy, BROKE, "broke");
  }, 120_000);
  afterAll(async () => {
    await mimic?.close();
    await fake?.close();
  }, 60_000);

  it("places every entry, TP and SL exactly once and never knocks on a rate-limited key early", async () => {
    const signalId = await mimic.webhook(strategy, {
      symbol: "BTCUSDT",
      action: "long",
      leverage: 2,
      tp_perc: 2,
      sl_perc: 1,
      id: "faulty-1",
    });
    const total = FOLLOWERS + BROKE;
    expect(await mimic.waitTerminal(signalId, total, 90_000)).toEqual({ filled: FOLLOWERS, failed: BROKE });

    const prisma = mimic.testDb.db.prisma;
    const executions = await prisma.execution.findMany({
      where: { signalId },
      include: { orders: true, account: { select: { credentials: true } } },
    });
    const filled = executions.filter((e) => e.status === "filled");
    for (const e of filled) {
      // No TP/SL refused along the way: a warning would be in `error`.
      expect(e.error).toBeNull();
      expect(e.orders.map((o) => `${o.kind}:${o.status}`).sort()).toEqual([
        "entry:filled",
        "stop_loss:open",
        "take_profit:open",
      ]);
      for (const o of e.orders) expect(fake.creates(o.clientOrderId), o.clientOrderId).toBe(1);
    }
    const failed = executions.filter((e) => e.status === "failed");
    expect(failed.map((e) => e.errorCode)).toEqual(Array(BROKE).fill("INSUFFICIENT_MARGIN"));
    for (const e of failed) expect(fake.creates(e.clientOrderId)).toBe(0);

    expect(fake.duplicateCreates()).toEqual([]);
    expect(fake.stats().acceptedOrders).toBe(3 * FOLLOWERS);
    expect(fake.violations()).toEqual([]);
    // The faults did happen, at roughly the rates asked for (~600 legs, plus retries).
    expect(fired.timeout).toBeGreaterThan(20);
    expect(fired["rate-limit"]).toBeGreaterThan(5);
    expect(fired["bad-gateway"]).toBeGreaterThan(5);
  }, 120_000);
});
