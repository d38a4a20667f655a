import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

describe("PATCH /api/admin/subscriptions/:id: a follower's settings", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let subscriptionId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
    const strategy = await h.admin<{ slug: string }>("POST", "/api/admin/strategies", { name: "Settings" });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "paper",
    });
    subscriptionId = (
      await h.admin<{ id: string }>("POST", "/api/admin/subscriptions", {
        accountId: account.id,
        strategy: strategy.slug,
        sizing: { mode: "fixed", value: "100" },
        takeProfitSplit: [{ perc: 2, sizePerc: 100 }],
      })
    ).id;
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("turns DCA off, sets an own take-profit split and the slippage cap, and audits who did it", async () => {
    const res = await h.request("PATCH", `/api/admin/subscriptions/${subscriptionId}`, {
      dcaEnabled: false,
      takeProfitSplit: [
        { perc: 1.5, sizePerc: 50 },
        { perc: "3", sizePerc: 30 },
      ],
      maxSlippagePerc: 0.4,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: subscriptionId,
      dcaEnabled: false,
      takeProfitSplit: [
        { perc: "1.5", sizePerc: "50" },
        { perc: "3", sizePerc: "30" },
      ],
      maxSlippagePerc: "0.4",
    });
    const cleared = await h.admin("PATCH", `/api/admin/subscriptions/${subscriptionId}`, {
      takeProfitSplit: null,
      maxSlippagePerc: null,
    });
    expect(cleared).toMatchObject({ takeProfitSplit: null, maxSlippagePerc: null, dcaEnabled: false });
    const audit = await testDb.db.prisma.auditLog.findMany({ where: { action: "subscription.updated" } });
    expect(audit.map((a) => a.actor)).toEqual(["admin:api", "admin:api"]);
  });

  it("refuses a split over 100%, unknown fields and an unknown subscription, changing nothing", async () => {
    const over = await h.request("PATCH", `/api/admin/subscriptions/${subscriptionId}`, {
      takeProfitSplit: [
        { perc: 1, sizePerc: 60 },
        { perc: 2, sizePerc: 60 },
      ],
    });
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toMatch(/shares must add up to at most 100 \(they add up to 120\)/);
    const unknown = await h.request("PATCH", `/api/admin/subscriptions/${subscriptionId}`, { dca: true });
    expect(unknown.status).toBe(400);
    const missing = await h.request("PATCH", `/api/admin/subscriptions/${crypto.randomUUID()}`, { dcaEnabled: true });
    expect(missing.status).toBe(404);
    const row = await testDb.db.prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(row.dcaEnabled).toBe(false);
  });
});
