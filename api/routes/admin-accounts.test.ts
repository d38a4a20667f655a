import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

describe("PATCH /api/admin/accounts/:id: daily guardrails", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  let accountId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    accountId = (await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "paper" }))
      .id;
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  it("sets both limits and answers the account's guardrail settings and state; null or off clears one", async () => {
    const set = await h.request("PATCH", `/api/admin/accounts/${accountId}`, {
      dailyLossLimitPerc: 5,
      dailyProfitLockPerc: "12.5",
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      id: accountId,
      dailyLossLimitPerc: "5",
      dailyProfitLockPerc: "12.5",
      guardDay: null,
      guardDayStartEquity: null,
      halted: false,
      haltedUntil: null,
      haltReason: null,
    });
    const cleared = await h.admin("PATCH", `/api/admin/accounts/${accountId}`, {
      dailyLossLimitPerc: null,
      dailyProfitLockPerc: "off",
    });
    expect(cleared).toMatchObject({ dailyLossLimitPerc: null, dailyProfitLockPerc: null });
    const audit = await testDb.db.prisma.auditLog.findMany({ where: { accountId, action: "guardrail.set" } });
    expect(audit.map((a) => [a.actor, a.details])).toEqual([
      ["admin", { change: { dailyLossLimitPerc: "5", dailyProfitLockPerc: "12.5" } }],
      ["admin", { change: { dailyLossLimitPerc: null, dailyProfitLockPerc: null } }],
    ]);
  });

  it("shows a halt in force", async () => {
    const until = new Date(Date.now() + 3_600_000);
    await testDb.db.prisma.exchangeAccount.update({
      where: { id: accountId },
      data: { haltedUntil: until, haltReason: "daily_loss" },
    });
    const body = await h.admin("PATCH", `/api/admin/accounts/${accountId}`, { dailyLossLimitPerc: 3 });
    expect(body).toMatchObject({ halted: true, haltedUntil: until.toISOString(), haltReason: "daily_loss" });
  });

  it("refuses bad values with the field to blame, unknown fields, an empty body and an unknown account", async () => {
    const cases = [
      [{ dailyLossLimitPerc: 150 }, 400, "dailyLossLimitPerc: must be above 0 and at most 100"],
      [{ dailyProfitLockPerc: 0 }, 400, "dailyProfitLockPerc: must be above 0"],
      [{ dailyLossLimitPerc: "five" }, 400, "dailyLossLimitPerc: must be a number such as 5"],
      [{ maxLeverage: 3 }, 400, /maxLeverage/],
      [{}, 400, /at least one field/],
    ] as const;
    for (const [body, status, message] of cases) {
      const res = await h.request("PATCH", `/api/admin/accounts/${accountId}`, body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const unknown = await h.request("PATCH", `/api/admin/accounts/${crypto.randomUUID()}`, { dailyLossLimitPerc: 5 });
    expect(unknown.status).toBe(404);
    const noAuth = await h.request(
      "PATCH",
      `/api/admin/accounts/${accountId}`,
      { dailyLossLimitPerc: 5 },
      { auth: false },
    );
    expect(noAuth.status).toBe(401);
  });
});
