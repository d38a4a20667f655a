import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { createPaperExchange } from "../exchange/paper-exchange.ts";
import { deliverNotification } from "../notifications/deliver-notification.ts";
import type { NotificationMessage, Notifier } from "../notifications/notification-message.ts";
import { queueNotifications } from "../notifications/queue-notifications.ts";
import { dec } from "../platform/decimal.ts";
import { silentLogger } from "../platform/logger.ts";
import { checkGuardrails } from "./check-guardrails.ts";
import { tripGuardrail } from "./trip-guardrail.ts";
import { nextUtcMidnight, utcDay } from "./utc-day.ts";

describe("tripGuardrail: the halt, its audit row, and the follower told once", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("halts once per day however often it is called, and the outbox tells the follower once", async () => {
    const db = testDb.db.prisma;
    const now = new Date();
    const day = utcDay(now);
    const user = await db.user.create({ data: { telegramId: "4343", locale: "en" } });
    const account = await db.exchangeAccount.create({
      data: { userId: user.id, exchange: "paper", label: "Main", dailyProfitLockPerc: "10", guardDay: day },
    });
    const figures = { startEquity: dec(10000), realised: dec("800"), unrealised: dec("251") };
    const check = checkGuardrails({ ...figures, lossLimitPerc: null, profitLockPerc: dec(10) });
    const deps = {
      db,
      sql: testDb.db.sql,
      exchange: createPaperExchange(account.id, { db }),
      logger: silentLogger,
    };
    const trip = () => tripGuardrail({ account, reason: "daily_profit", day, now, ...figures, check }, deps);
    const [first, second] = [await trip(), await trip()];
    expect([first.first, second.first]).toEqual([true, false]);
    expect(first.haltedUntil).toEqual(nextUtcMidnight(now));
    expect(await db.auditLog.count({ where: { accountId: account.id, action: "guardrail.tripped" } })).toBe(1);

    const queue = createRecordingQueue();
    const clock = { now: () => now };
    await queueNotifications({ db, queue, clock });
    await queueNotifications({ db, queue, clock });
    const rows = await db.notification.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => [r.kind, r.dedupeKey])).toEqual([["guardrail", `guardrail:${account.id}:${day}`]]);

    const sent: NotificationMessage[] = [];
    const notifier: Notifier = {
      transport: "telegram",
      deliver: async (_to, message) => {
        sent.push(message);
        return { outcome: "sent" };
      },
    };
    expect(
      await deliverNotification({ notificationId: rows[0]?.id ?? "" }, { db, notifier, clock, logger: silentLogger }),
    ).toBe("sent");
    expect(sent).toEqual([
      {
        kind: "guardrail",
        reason: "daily_profit",
        account: "Main",
        day,
        pnl: "1051.00",
        pnlPerc: "10.51",
        limitPerc: "10",
        quote: "USDT",
        trades: 0,
      },
    ]);
  });
});
