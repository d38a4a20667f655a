import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { executionDeps } from "../../test/execution-deps.ts";
import { seedExecution, seedNextSignal } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import { isAppError } from "../platform/errors.ts";
import { executeSubscription } from "./execute-subscription.ts";
import { createExecutionLedger } from "./execution-ledger.ts";

describe("executeSubscription", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let venue: ReturnType<typeof createMemoryExchange>;
  let now: Date;
  const deps = () =>
    executionDeps(
      testDb.db,
      () => venue,
      () => now,
    );

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(() => {
    venue = createMemoryExchange({ price: "100" });
    now = new Date();
  });

  async function seed(action: "long" | "short" | "close", opts: { receivedAt?: Date; tpPerc?: string } = {}) {
    const seeded = await seedExecution(testDb.db.prisma, {
      action,
      signal: { tpPerc: opts.tpPerc, receivedAt: opts.receivedAt ?? now },
    });
    return seeded.ids;
  }

  const execution = (ids: { signalId: string; subscriptionId: string }) =>
    testDb.db.prisma.execution.findUniqueOrThrow({ where: { signalId_subscriptionId: ids } });

  it("after a reply lost on the wire, finds the order by client order id instead of sending it again", async () => {
    const ids = await seed("long");
    venue.faults.push("accept-then-timeout");
    const first = executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps());
    await expect(first).rejects.toSatisfy((err) => isAppError(err, "EXCHANGE_UNCERTAIN"));
    expect((await execution(ids)).status).toBe("pending");

    await executeSubscription({ ...ids, attempt: 2, maxAttempts: 5 }, deps());
    const e = await execution(ids);
    expect(e.status).toBe("filled");
    expect(e.filledAmount?.toString()).toBe("10");
    expect(venue.sent).toEqual([e.clientOrderId]);
  });

  it("after a timeout that never reached the exchange, sends the same client order id again", async () => {
    const ids = await seed("long");
    venue.faults.push("timeout");
    await expect(executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps())).rejects.toThrow();
    await executeSubscription({ ...ids, attempt: 2, maxAttempts: 5 }, deps());
    const e = await execution(ids);
    expect(e.status).toBe("filled");
    expect(venue.sent).toEqual([e.clientOrderId, e.clientOrderId]);
    expect(venue.orders.size).toBe(1);
  });

  it("records a definite refusal as failed without throwing, and never retries it", async () => {
    const ids = await seed("long");
    venue.faults.push("reject");
    await executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps());
    const e = await execution(ids);
    expect(e).toMatchObject({ status: "failed", errorCode: "INSUFFICIENT_MARGIN" });
    await executeSubscription({ ...ids, attempt: 2, maxAttempts: 5 }, deps());
    expect(venue.sent).toHaveLength(1);
  });

  it("records a retryable failure as failed on the last attempt", async () => {
    const ids = await seed("long");
    venue.faults.push("rate-limit");
    await executeSubscription({ ...ids, attempt: 5, maxAttempts: 5 }, deps());
    expect(await execution(ids)).toMatchObject({ status: "failed", errorCode: "RATE_LIMITED" });
  });

  it("skips an entry whose signal is older than the strategy's max age, with the reason", async () => {
    const ids = await seed("long", { receivedAt: new Date(now.getTime() - 61_000) });
    await executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps());
    const e = await execution(ids);
    expect(e.status).toBe("skipped");
    expect(e.error).toMatch(/61 s old .* over the 60 s limit/);
    expect(venue.sent).toHaveLength(0);
  });

  it("never skips a close for age", async () => {
    const opened = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { receivedAt: new Date(now.getTime() - 3_700_000) },
    });
    // The entry ran in its time; the close's turn comes an hour late.
    const entryTime = new Date(now.getTime() - 3_700_000);
    await executeSubscription(
      { ...opened.ids, attempt: 1, maxAttempts: 5 },
      { ...deps(), clock: { now: () => entryTime } },
    );
    expect((await execution(opened.ids)).status).toBe("filled");
    const close = await seedNextSignal(testDb.db.prisma, opened, {
      action: "close",
      signal: { receivedAt: new Date(now.getTime() - 3_600_000) },
    });
    await executeSubscription({ ...close.ids, attempt: 1, maxAttempts: 5 }, deps());
    expect((await execution(close.ids)).status).toBe("filled");
    expect(venue.positions.size).toBe(0);
  });

  it("places a reduce-only take-profit after the fill", async () => {
    const ids = await seed("short", { tpPerc: "10" });
    await executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps());
    const tp = [...venue.orders.values()].find((o) => o.req.type === "take_profit");
    expect(tp?.req).toMatchObject({ side: "buy", reduceOnly: true });
    expect(tp?.req.triggerPrice?.toString()).toBe("90");
  });

  it("does nothing for a paused subscription except record why", async () => {
    const ids = await seed("long");
    await testDb.db.prisma.subscription.update({ where: { id: ids.subscriptionId }, data: { status: "paused" } });
    await executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, deps());
    expect(await execution(ids)).toMatchObject({ status: "skipped", error: "subscription is paused" });
  });

  it("asks for a retry, and says so, when the execution cannot be read", async () => {
    const ids = await seed("long");
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const ledger = createExecutionLedger(testDb.db.prisma, testDb.db.sql);
    const down = {
      ...ledger,
      load: async () => {
        throw new Error("terminating connection due to administrator command");
      },
    };
    await expect(
      executeSubscription({ ...ids, attempt: 1, maxAttempts: 5 }, { ...deps(), ledger: down, logger }),
    ).rejects.toThrow("administrator command");
    expect(lines.join("")).toMatch(/"code":"INTERNAL".*"msg":"execution will be retried"/);
    expect(venue.orders.size).toBe(0);
  });
});
