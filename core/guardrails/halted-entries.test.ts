import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { executionDeps } from "../../test/execution-deps.ts";
import { seedExecution, seedNextSignal } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import { executeSubscription } from "../copying/execute-subscription.ts";
import { nextUtcMidnight } from "./utc-day.ts";

// A tripped guardrail stops entries in the copying path (read with the execution in its batched load); closes run.
describe("entries on a halted account", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const venue = createMemoryExchange({ price: "100" });
  let now = new Date();
  const deps = () =>
    executionDeps(
      testDb.db,
      () => venue,
      () => now,
    );
  const run = (ids: { signalId: string; subscriptionId: string }) =>
    executeSubscription({ ...ids, attempt: 1, maxAttempts: 3 }, deps());
  const execution = (ids: { signalId: string; subscriptionId: string }) =>
    testDb.db.prisma.execution.findUniqueOrThrow({ where: { signalId_subscriptionId: ids } });

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("skips an entry with the reason until 00:00 UTC, still runs a close, and opens again the next day", async () => {
    const first = await seedExecution(testDb.db.prisma, { action: "long", signal: { receivedAt: now } });
    await run(first.ids);
    expect((await execution(first.ids)).status).toBe("filled");
    const { account } = first;
    await testDb.db.prisma.exchangeAccount.update({
      where: { id: account.id },
      data: { haltedUntil: nextUtcMidnight(now), haltReason: "daily_loss" },
    });

    // A reversal: its close leg runs, its new entry does not.
    const entry = await seedNextSignal(testDb.db.prisma, first, { action: "short", signal: { receivedAt: now } });
    await run(entry.ids);
    const skipped = await execution(entry.ids);
    expect([skipped.status, skipped.error]).toEqual([
      "skipped",
      "reversed: closed the long trade (10 @ 100); not reopened: daily loss limit reached: no new entries until 00:00 UTC",
    ]);
    expect(await testDb.db.prisma.trade.count({ where: { accountId: account.id, status: { not: "closed" } } })).toBe(0);

    // The next UTC day, the same account opens again.
    now = new Date(nextUtcMidnight(now).getTime() + 60_000);
    const later = await seedNextSignal(testDb.db.prisma, first, { action: "long", signal: { receivedAt: now } });
    await run(later.ids);
    expect((await execution(later.ids)).status).toBe("filled");
  });

  it("says which guardrail: the profit lock", async () => {
    now = new Date();
    const seeded = await seedExecution(testDb.db.prisma, {
      action: "long",
      signal: { receivedAt: now },
      account: { haltedUntil: nextUtcMidnight(now), haltReason: "daily_profit" },
    });
    await run(seeded.ids);
    expect((await execution(seeded.ids)).error).toBe("daily profit lock reached: no new entries until 00:00 UTC");
  });
});
