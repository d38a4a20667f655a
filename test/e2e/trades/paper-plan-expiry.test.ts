import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../db.ts";
import { createHarness, type Harness } from "../../harness.ts";

type Execution = { status: string; error?: string; amount: string | null; price: string | null };

// A premium strategy on a paper account, end to end: the admin API gates the subscription on a plan, the plan
// lapses, and past the grace period (24 h by default) an entry is skipped with "plan expired" while a close runs.
describe("a lapsed plan on a paper account", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const HOUR = 3_600_000;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db, clock, paperPrices: { "BTC/USDT:USDT": "60000" } });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  const send = async (strategy: { slug: string; passphrase: string }, body: object) => {
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT.P",
      id: crypto.randomUUID(),
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await h.queue.drain();
    return (await h.admin<{ executions: Execution[] }>("GET", `/api/admin/signals/${signalId}`)).executions;
  };

  it("refuses the subscription without a plan, then after expiry and grace skips entries but still closes", async () => {
    const strategy = await h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: "Premium BTC",
    });
    const plan = await h.admin<{ id: string }>("POST", "/api/admin/plans", {
      name: "Pro",
      priceUsd: "29",
      periodDays: 30,
      strategies: [strategy.slug],
    });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: "890001" });
    const { id: accountId } = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "paper",
      paperBalance: "10000",
    });
    const subscription = { accountId, strategy: strategy.slug, sizing: { mode: "fixed", value: "600" } };
    const refused = await h.request("POST", "/api/admin/subscriptions", subscription);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Pro");

    await h.admin("POST", `/api/admin/users/${user.id}/plan`, { planId: plan.id, days: 1 });
    expect((await h.request("POST", "/api/admin/subscriptions", subscription)).status).toBe(201);

    const [entry] = await send(strategy, { action: "long", price: 60000 });
    expect(entry).toMatchObject({ status: "filled", amount: "0.01" });

    // Past the end but within the grace period: still copying.
    offsetMs = 1 * 24 * HOUR + 23 * HOUR;
    const [close] = await send(strategy, { action: "close" });
    expect(close).toMatchObject({ status: "filled" });
    const [reentry] = await send(strategy, { action: "long", price: 60000 });
    expect(reentry).toMatchObject({ status: "filled" });

    // Past the grace period: the close still runs, a new entry does not.
    offsetMs = 2 * 24 * HOUR + 60_000;
    const [lateClose] = await send(strategy, { action: "close" });
    expect(lateClose).toMatchObject({ status: "filled" });
    const [lateEntry] = await send(strategy, { action: "long", price: 60000 });
    expect(lateEntry).toMatchObject({ status: "skipped", error: "plan expired" });
    const open = await testDb.db.prisma.trade.count({ where: { accountId, status: { not: "closed" } } });
    expect(open).toBe(0);
  });
});
