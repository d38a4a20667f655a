import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverNotification } from "../../../core/notifications/deliver-notification.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type FakeTelegram, startFakeTelegram } from "../../../test/fake-telegram/start-fake-telegram.ts";
import { createTelegramNotifier } from "./telegram-notifier.ts";

const recipient = (telegramId: string) => ({
  userId: "u",
  transport: "telegram" as const,
  telegramId,
  discordId: null,
  discordDmChannelId: null,
  locale: null,
});

describe("telegram notifier", () => {
  let tg: FakeTelegram;
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    tg = await startFakeTelegram();
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await tg?.close();
    await testDb?.drop();
  });

  it("a 403 marks the chat unreachable and drops what is pending for it", async () => {
    const db = testDb.db.prisma;
    const user = await db.user.create({ data: { telegramId: "9001", notifyDaily: true } });
    const [first, second] = await Promise.all(
      ["a", "b"].map((k) =>
        db.notification.create({
          data: { userId: user.id, kind: "daily", dedupeKey: `daily:${k}`, payload: { date: "2026-01-01" } },
        }),
      ),
    );
    tg.state.blockedChats.add(9001);
    const notifier = createTelegramNotifier({ token: tg.token, apiRoot: tg.apiRoot });
    const deps = { db, notifier, clock: { now: () => new Date() }, logger: silentLogger };
    expect(await deliverNotification({ notificationId: first?.id ?? "" }, deps)).toBe("dropped");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).telegramUnreachableAt).not.toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: second?.id } })).status).toBe("dropped");
    // Nothing more is sent to a blocked chat.
    const sent = tg.state.calls.length;
    expect(await deliverNotification({ notificationId: second?.id ?? "" }, deps)).toBe("skipped");
    expect(tg.state.calls.length).toBe(sent);
  });

  it("keeps to one message per second per chat", async () => {
    const notifier = createTelegramNotifier({ token: tg.token, apiRoot: tg.apiRoot });
    const message = { kind: "daily", date: "2026-01-01", filled: 1, failed: 0, skipped: 0 } as const;
    await Promise.all([1, 2, 3].map(() => notifier.deliver(recipient("9100"), message)));
    const times = tg.state.calls.filter((c) => c.chatId === 9100).map((c) => c.at);
    expect(times).toHaveLength(3);
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1900);
  });
});
