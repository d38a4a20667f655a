import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { extendPlan, planEnd } from "./extend-plan.ts";

const DAY = 86_400_000;
const now = new Date("2026-12-07T12:00:00Z");
const days = (n: number, from = now) => new Date(from.getTime() + n * DAY);

describe("planEnd", () => {
  it("starts from now without a plan, or when the plan has ended", () => {
    expect(planEnd({ planId: null, activeUntil: null }, { planId: "a", days: 30 }, now)).toEqual(days(30));
    expect(planEnd({ planId: "a", activeUntil: days(-3) }, { planId: "a", days: 30 }, now)).toEqual(days(30));
  });

  it("extends the same plan from its current end, so paying early loses nothing", () => {
    expect(planEnd({ planId: "a", activeUntil: days(5) }, { planId: "a", days: 30 }, now)).toEqual(days(35));
  });

  it("starts another plan from now: the old remainder is dropped", () => {
    expect(planEnd({ planId: "a", activeUntil: days(5) }, { planId: "b", days: 30 }, now)).toEqual(days(30));
  });
});

describe("extendPlan", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const clock = { now: () => now };

  it("activates, extends with the plan's period by default, audits each, and adds both of two at once", async () => {
    const db = testDb.db.prisma;
    const plan = await db.plan.create({ data: { name: "Pro", priceUsd: "29.5", periodDays: 30 } });
    const user = await db.user.create({ data: {} });
    const first = await extendPlan({ userId: user.id, planId: plan.id, days: 7, from: "admin" }, { db, clock });
    expect(first.activeUntil).toEqual(days(7));
    await Promise.all([
      extendPlan({ userId: user.id, planId: plan.id, from: "payment" }, { db, clock }),
      extendPlan({ userId: user.id, planId: plan.id, from: "payment" }, { db, clock }),
    ]);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([after.planId, after.planActiveUntil]).toEqual([plan.id, days(67)]);
    const audits = await db.auditLog.findMany({ where: { userId: user.id, action: "plan.extended" } });
    expect(audits).toHaveLength(3);
  });

  it("refuses an unknown plan or user", async () => {
    const db = testDb.db.prisma;
    const plan = await db.plan.create({ data: { name: "Basic", priceUsd: "9", periodDays: 30 } });
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(extendPlan({ userId: missing, planId: plan.id, from: "admin" }, { db, clock })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const user = await db.user.create({ data: {} });
    await expect(extendPlan({ userId: user.id, planId: missing, from: "admin" }, { db, clock })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
