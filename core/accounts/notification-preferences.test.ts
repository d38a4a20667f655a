import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { getNotificationPreferences, setNotificationPreferences } from "./notification-preferences.ts";

describe("notification preferences", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  const db = () => testDb.db.prisma;

  it("starts with both opt-ins off, going to the app the user came from", async () => {
    const tg = await db().user.create({ data: { telegramId: "101" } });
    const dc = await db().user.create({ data: { discordId: "900000000000000101" } });
    const both = await db().user.create({ data: { telegramId: "102", discordId: "900000000000000102" } });
    expect(await getNotificationPreferences({ userId: tg.id }, { db: db() })).toEqual({
      notifySignals: false,
      notifyDaily: false,
      via: "telegram",
      available: ["telegram"],
    });
    expect(await getNotificationPreferences({ userId: dc.id }, { db: db() })).toMatchObject({
      via: "discord",
      available: ["discord"],
    });
    // On both apps, Telegram until the user chooses.
    expect(await getNotificationPreferences({ userId: both.id }, { db: db() })).toMatchObject({
      via: "telegram",
      available: ["telegram", "discord"],
    });
  });

  it("changes only what it is given, and returns what is stored", async () => {
    const user = await db().user.create({ data: { telegramId: "103" } });
    const signals = await setNotificationPreferences({ userId: user.id, notifySignals: true }, { db: db() });
    expect(signals).toEqual({ notifySignals: true, notifyDaily: false, via: "telegram", available: ["telegram"] });
    const daily = await setNotificationPreferences({ userId: user.id, notifyDaily: true }, { db: db() });
    expect([daily.notifySignals, daily.notifyDaily]).toEqual([true, true]);
    await setNotificationPreferences({ userId: user.id, notifySignals: false }, { db: db() });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.notifySignals, stored.notifyDaily, stored.notifyVia]).toEqual([false, true, null]);
  });

  it("moves notifications to another connected app, and clears that app's unreachable mark", async () => {
    const user = await db().user.create({
      data: { telegramId: "104", discordId: "900000000000000104", discordUnreachableAt: new Date() },
    });
    const moved = await setNotificationPreferences({ userId: user.id, via: "discord" }, { db: db() });
    expect(moved).toMatchObject({ via: "discord", available: ["telegram", "discord"] });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.notifyVia, stored.discordUnreachableAt]).toEqual(["discord", null]);
    expect((await setNotificationPreferences({ userId: user.id, via: "telegram" }, { db: db() })).via).toBe("telegram");
  });

  it("refuses an app the user has not connected, and changes nothing", async () => {
    const user = await db().user.create({ data: { telegramId: "105" } });
    await expect(
      setNotificationPreferences({ userId: user.id, via: "discord", notifySignals: true }, { db: db() }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Discord is not connected.*\/connect/),
    });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.notifyVia, stored.notifySignals]).toEqual([null, false]);
  });
});
