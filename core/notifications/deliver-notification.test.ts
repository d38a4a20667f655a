import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { seedFollowerExecution, seedSignal } from "../../test/factories.ts";
import { silentLogger } from "../platform/logger.ts";
import { deliverNotification } from "./deliver-notification.ts";
import type { NotificationMessage, Notifier } from "./notification-message.ts";

describe("deliverNotification: the daily summary", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("counts the user's executions that finished in the last 24 h, on every account, and no one else's", async () => {
    const db = testDb.db.prisma;
    const now = new Date("2026-11-21T09:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const { signal } = await seedSignal(db);
    // The user's first account: two filled, one failed, one skipped today, one filled two days ago, one pending.
    const first = await seedFollowerExecution(db, signal);
    const userId = first.account.userId;
    await db.user.update({ where: { id: userId }, data: { telegramId: "4242", notifyDaily: true } });
    const finish = async (executionId: string, status: "filled" | "failed" | "skipped" | "pending", at: Date) =>
      db.$executeRaw`UPDATE "Execution" SET "status" = ${status}::"ExecutionStatus", "updatedAt" = ${at} WHERE "id" = ${executionId}`;
    await finish(first.execution.id, "filled", hoursAgo(1));
    const more = async (accountId: string, status: "filled" | "failed" | "skipped" | "pending", at: Date) => {
      const { signal: s } = await seedSignal(db);
      const sub = await db.subscription.create({
        data: { accountId, strategyId: s.strategyId, sizingMode: "fixed", sizingValue: "100" },
      });
      const e = await db.execution.create({
        data: { signalId: s.id, subscriptionId: sub.id, accountId, clientOrderId: `c-${sub.id}` },
      });
      await finish(e.id, status, at);
    };
    await more(first.account.id, "failed", hoursAgo(3));
    await more(first.account.id, "skipped", hoursAgo(23));
    await more(first.account.id, "filled", hoursAgo(49));
    await more(first.account.id, "pending", hoursAgo(2));
    // A second account of the same user counts too.
    const second = await db.exchangeAccount.create({ data: { userId, exchange: "paper" } });
    await more(second.id, "filled", hoursAgo(5));
    // Another user's execution does not.
    const stranger = await seedFollowerExecution(db, signal);
    await finish(stranger.execution.id, "filled", hoursAgo(1));

    const notification = await db.notification.create({
      data: { userId, kind: "daily", dedupeKey: "daily:test", payload: { date: "2026-11-21" } },
    });
    const delivered: NotificationMessage[] = [];
    const notifier: Notifier = {
      transport: "telegram",
      deliver: async (to, message) => {
        expect(to).toMatchObject({ transport: "telegram", telegramId: "4242" });
        delivered.push(message);
        return { outcome: "sent" };
      },
    };
    const deps = { db, notifier, clock: { now: () => now }, logger: silentLogger };
    expect(await deliverNotification({ notificationId: notification.id }, deps)).toBe("sent");
    expect(delivered).toEqual([{ kind: "daily", date: "2026-11-21", filled: 2, failed: 1, skipped: 1 }]);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).status).toBe("sent");
  });
});
