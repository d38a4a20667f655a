import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createRecordingQueue } from "../../test/recording-queue.ts";
import { queueNotifications } from "./queue-notifications.ts";

describe("queueNotifications: each user's notifications go to the transport that reaches them", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("Telegram by default, Discord for Discord-only users or by choice, nobody who blocked the bot", async () => {
    const db = testDb.db.prisma;
    const now = new Date();
    const user = (data: Parameters<typeof db.user.create>[0]["data"]) =>
      db.user.create({ data: { notifyDaily: true, ...data } });
    const telegramOnly = await user({ telegramId: "1" });
    const discordOnly = await user({ discordId: "900000000000000001" });
    const both = await user({ telegramId: "2", discordId: "900000000000000002" });
    const chose = await user({ telegramId: "3", discordId: "900000000000000003", notifyVia: "discord" });
    await user({ discordId: "900000000000000004", discordUnreachableAt: now });
    await user({ telegramId: "5", discordId: "900000000000000005", telegramUnreachableAt: now });
    const queue = createRecordingQueue();
    await queueNotifications({ db, queue, clock: { now: () => now } });

    const rows = await db.notification.findMany({ select: { id: true, userId: true } });
    const userOf = new Map(rows.map((r) => [r.id, r.userId]));
    const usersOn = (name: string) =>
      queue.jobs
        .filter((j) => j.name === name)
        .map((j) => userOf.get((j.data as { notificationId: string }).notificationId))
        .sort();
    expect(usersOn("notify")).toEqual([telegramOnly.id, both.id].sort());
    expect(usersOn("notify-discord")).toEqual([discordOnly.id, chose.id].sort());
    expect(rows).toHaveLength(4);
  });
});
