import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationText } from "../../bots/shared/wording/notification-text.ts";
import { wording } from "../../bots/shared/wording/translator.ts";
import { seedClosedTrade, seedFollower } from "../../test/community-factories.ts";
import { createTestDatabase } from "../../test/db.ts";
import { deliverNotification } from "../notifications/deliver-notification.ts";
import type { NotificationMessage, Notifier } from "../notifications/notification-message.ts";
import type { DbClient } from "../platform/db-client.ts";
import { silentLogger } from "../platform/logger.ts";
import { awardXp } from "./award-xp.ts";
import { scoreClosedTrades } from "./score-closed-trades.ts";

describe("level-up and achievement notifications, through the outbox", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  const clock = { now: () => new Date() };
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  it("delivers what was reached, in the follower's language", async () => {
    const f = await seedFollower(db, { xp: 2_490 });
    await db.user.update({ where: { id: f.user.id }, data: { locale: "es" } });
    await seedClosedTrade(db, f, { pnl: "-1", fees: "0" });
    await scoreClosedTrades({}, { db, clock });
    const rows = await db.notification.findMany({ where: { userId: f.user.id }, orderBy: { kind: "asc" } });
    expect(rows.map((r) => [r.kind, r.payload])).toEqual([
      ["achievement", { code: "first_trade" }],
      ["level_up", { level: 2 }],
    ]);
    const delivered: NotificationMessage[] = [];
    const notifier: Notifier = {
      transport: "telegram",
      deliver: async (_to, m) => {
        delivered.push(m);
        return { outcome: "sent" };
      },
    };
    for (const r of rows) {
      await deliverNotification({ notificationId: r.id }, { db, notifier, clock, logger: silentLogger });
    }
    expect(delivered).toEqual([
      { kind: "achievement", code: "first_trade" },
      { kind: "level_up", level: 2, xp: 2_500, next: { level: 3, xpNeeded: 7_500 } },
    ]);
    const es = wording().forLocale("es");
    const en = wording().forLocale("en");
    expect(delivered.map((m) => notificationText(m, es))).toEqual([
      "🏅 Logro desbloqueado: Primera copia (se cerró tu primera operación copiada).",
      "🎉 ¡Has llegado a Oro con 2500 XP!\nTe faltan 7500 XP para Platino.",
    ]);
    expect(notificationText({ kind: "level_up", level: 4, xp: 25_000, next: null }, en)).toBe(
      "🎉 You reached Elite with 25,000 XP!\nThat is the top level: you may vote on proposals (/vote).",
    );
  });

  it("writes nothing for a user no chat reaches, but still awards", async () => {
    const f = await seedFollower(db, { xp: 499 });
    await db.user.update({ where: { id: f.user.id }, data: { telegramId: null } });
    expect(await awardXp({ userId: f.user.id, kind: "active_day", key: `t:${f.user.id}` }, { db, clock })).toEqual({
      awarded: true,
      levelUp: 1,
    });
    expect(await db.notification.count({ where: { userId: f.user.id } })).toBe(0);
  });
});
