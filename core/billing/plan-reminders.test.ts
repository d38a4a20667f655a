import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { queuePlanReminders, reminderStage } from "./plan-reminders.ts";

const HOUR = 3_600_000;
const end = new Date("2026-12-10T00:00:00Z");
const hoursBefore = (hours: number) => new Date(end.getTime() - hours * HOUR);

describe("reminderStage", () => {
  it("is 3 days, 1 day, then expired, and nothing long after", () => {
    expect(reminderStage(end, hoursBefore(80))).toBeNull();
    expect(reminderStage(end, hoursBefore(72))).toBe("3d");
    expect(reminderStage(end, hoursBefore(25))).toBe("3d");
    expect(reminderStage(end, hoursBefore(24))).toBe("1d");
    expect(reminderStage(end, hoursBefore(0))).toBe("expired");
    expect(reminderStage(end, hoursBefore(-72))).toBe("expired");
    expect(reminderStage(end, hoursBefore(-73))).toBeNull();
  });
});

describe("queuePlanReminders", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("writes each reminder once per plan end, and afresh for a new end", async () => {
    const db = testDb.db.prisma;
    const plan = await db.plan.create({ data: { name: "Pro", priceUsd: "29", periodDays: 30 } });
    const user = await db.user.create({ data: { planId: plan.id, planActiveUntil: end } });
    let now = hoursBefore(70);
    const deps = { db, clock: { now: () => now } };
    expect(await queuePlanReminders(deps)).toBe(1);
    expect(await queuePlanReminders(deps)).toBe(0);
    now = hoursBefore(10);
    expect(await queuePlanReminders(deps)).toBe(1);
    now = hoursBefore(-1);
    expect(await queuePlanReminders(deps)).toBe(1);
    expect(await queuePlanReminders(deps)).toBe(0);
    const rows = await db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.kind, (r.payload as { stage: string }).stage])).toEqual([
      ["plan_reminder", "3d"],
      ["plan_reminder", "1d"],
      ["plan_reminder", "expired"],
    ]);
    // Renewed: the new end is reminded again.
    const renewed = new Date(end.getTime() + 30 * 24 * HOUR);
    await db.user.update({ where: { id: user.id }, data: { planActiveUntil: renewed } });
    now = new Date(renewed.getTime() - 48 * HOUR);
    expect(await queuePlanReminders(deps)).toBe(1);
  });
});
