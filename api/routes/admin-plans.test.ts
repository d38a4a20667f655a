import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

type Plan = { id: string; name: string; priceUsd: string; strategies: string[] | "all"; maxAccounts: number | null };

describe("admin plans API", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("needs the admin token", async () => {
    expect((await h.request("GET", "/api/admin/plans", undefined, { auth: false })).status).toBe(401);
    expect((await h.request("POST", "/api/admin/plans", {}, { auth: false })).status).toBe(401);
  });

  it("creates, changes and lists plans", async () => {
    await h.admin("POST", "/api/admin/strategies", { name: "Alpha" });
    await h.admin("POST", "/api/admin/strategies", { name: "Beta" });
    const created = await h.request("POST", "/api/admin/plans", {
      name: "Pro",
      priceUsd: "29.90",
      periodDays: 30,
      strategies: ["alpha"],
      maxAccounts: 2,
    });
    expect(created.status).toBe(201);
    const pro = (await created.json()) as Plan;
    expect(pro).toMatchObject({ name: "Pro", priceUsd: "29.9", strategies: ["alpha"], maxAccounts: 2 });

    const changed = await h.admin<Plan>("PATCH", `/api/admin/plans/${pro.id}`, {
      strategies: ["alpha", "beta"],
      maxAccounts: null,
    });
    expect(changed).toMatchObject({ strategies: ["alpha", "beta"], maxAccounts: null, priceUsd: "29.9" });
    await h.admin("POST", "/api/admin/plans", { name: "All in", priceUsd: 99, periodDays: 90, strategies: "all" });
    const { plans } = await h.admin<{ plans: Plan[] }>("GET", "/api/admin/plans");
    expect(plans.map((p) => [p.name, p.strategies])).toEqual([
      ["Pro", ["alpha", "beta"]],
      ["All in", "all"],
    ]);
  });

  it("refuses bad input with the field, unknown slugs, a taken name and unknown ids", async () => {
    const post = (body: unknown) => h.request("POST", "/api/admin/plans", body);
    const ok = { name: "X", priceUsd: "10", periodDays: 30, strategies: "all" };
    for (const bad of [
      { ...ok, name: "" },
      { ...ok, priceUsd: "-1" },
      { ...ok, priceUsd: "ten" },
      { ...ok, periodDays: 0 },
      { ...ok, strategies: [] },
      { ...ok, strategies: "some" },
      { ...ok, maxAccounts: 0 },
      { ...ok, extra: true },
    ]) {
      expect({ bad, status: (await post(bad)).status }).toEqual({ bad, status: 400 });
    }
    const unknown = await post({ ...ok, strategies: ["nope"] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("nope");
    expect((await post({ ...ok, name: "Pro" })).status).toBe(409);
    expect((await h.request("PATCH", "/api/admin/plans/not-an-id", { name: "Y" })).status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await h.request("PATCH", `/api/admin/plans/${missing}`, { name: "Y" })).status).toBe(404);
    expect((await h.request("PATCH", `/api/admin/plans/${missing}`, {})).status).toBe(400);
  });

  it("grants and extends a plan by hand, audited, and shows the user with plan, referral and accounts", async () => {
    const db = testDb.db.prisma;
    const plan = await h.admin<Plan>("POST", "/api/admin/plans", {
      name: "Grant",
      priceUsd: "5",
      periodDays: 30,
      strategies: "all",
    });
    const referrer = await db.user.create({ data: { inviteCode: "REF123" } });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {
      telegramId: "777",
      discordId: "12345678",
    });
    await db.user.update({ where: { id: user.id }, data: { referredById: referrer.id, inviteCode: "OWN456" } });
    await h.admin("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "paper" });

    const first = await h.admin<{ activeUntil: string }>("POST", `/api/admin/users/${user.id}/plan`, {
      planId: plan.id,
      days: 10,
    });
    const second = await h.admin<{ activeUntil: string; previousUntil: string }>(
      "POST",
      `/api/admin/users/${user.id}/plan`,
      { planId: plan.id, days: 5 },
    );
    expect(second.previousUntil).toBe(first.activeUntil);
    expect(new Date(second.activeUntil).getTime() - new Date(first.activeUntil).getTime()).toBe(5 * 86_400_000);
    const audits = await db.auditLog.findMany({ where: { userId: user.id, action: "plan.extended" } });
    expect(audits.map((a) => a.actor)).toEqual(["admin:api", "admin:api"]);

    const shown = await h.admin<Record<string, unknown>>("GET", `/api/admin/users/${user.id}`);
    expect(shown).toMatchObject({
      id: user.id,
      plan: { planId: plan.id, name: "Grant", activeUntil: second.activeUntil },
      referralCode: "OWN456",
      referredBy: referrer.id,
      identities: { telegramId: "777", discordId: "12345678" },
      accounts: [expect.objectContaining({ exchange: "paper", status: "active" })],
    });
    expect(JSON.stringify(shown)).not.toContain("credentials");

    expect((await h.request("POST", `/api/admin/users/${user.id}/plan`, { planId: plan.id, days: 0 })).status).toBe(
      400,
    );
    expect((await h.request("POST", `/api/admin/users/${user.id}/plan`, { planId: "x", days: 1 })).status).toBe(400);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await h.request("POST", `/api/admin/users/${missing}/plan`, { planId: plan.id, days: 1 })).status).toBe(
      404,
    );
    expect((await h.request("GET", `/api/admin/users/${missing}`)).status).toBe(404);
  });
});
