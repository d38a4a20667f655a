import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFollower } from "../../test/community-factories.ts";
import { createTestDatabase } from "../../test/db.ts";
import type { DbClient } from "../platform/db-client.ts";
import { markHelpful } from "../support/answer-feedback.ts";
import { awardAchievement } from "./award-achievement.ts";
import { awardActiveDays, streakEndingOn } from "./award-active-days.ts";
import { awardTwoFactorAchievements } from "./award-two-factor.ts";
import { XP } from "./xp-rules.ts";

const DAY = 86_400_000;

describe("awards outside trades: active days, streaks, 2FA, helpful answers, awardAchievement", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  const clock = { ms: Date.parse("2026-12-01T08:00:00Z"), now: () => new Date(clock.ms) };
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  const xpOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).xp;
  const codes = async (userId: string) =>
    (await db.userAchievement.findMany({ where: { userId } })).map((a) => a.code).sort();

  it("counts a streak of days ending on a day", () => {
    const days = new Set(["2026-11-29", "2026-11-30", "2026-12-01", "2026-11-27"]);
    expect(streakEndingOn(days, "2026-12-01")).toBe(3);
    expect(streakEndingOn(days, "2026-12-02")).toBe(0);
  });

  it("awards each active day once, to users with an active subscription only, and the streaks", async () => {
    const active = await seedFollower(db);
    const paused = await seedFollower(db, { subscription: "paused" });
    const disabled = await seedFollower(db);
    await db.user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    expect(await awardActiveDays({ limit: 1 }, { db, clock })).toEqual({ awarded: 1 });
    expect(await awardActiveDays({}, { db, clock })).toEqual({ awarded: 0 });
    clock.ms += 3_600_000;
    expect(await awardActiveDays({}, { db, clock })).toEqual({ awarded: 0 });
    expect(await xpOf(active.user.id)).toBe(XP.active_day);
    expect(await xpOf(paused.user.id)).toBe(0);
    expect(await xpOf(disabled.user.id)).toBe(0);

    for (let d = 1; d < 7; d++) {
      clock.ms += DAY;
      await awardActiveDays({}, { db, clock });
    }
    expect(await xpOf(active.user.id)).toBe(7 * XP.active_day);
    expect(await codes(active.user.id)).toEqual(["streak_7"]);
    const notices = await db.notification.findMany({ where: { userId: active.user.id, kind: "achievement" } });
    expect(notices.map((n) => n.payload)).toEqual([{ code: "streak_7" }]);
    // A day missed starts the streak again.
    clock.ms += 2 * DAY;
    await awardActiveDays({}, { db, clock });
    expect(await xpOf(active.user.id)).toBe(8 * XP.active_day);
  });

  it("awards an achievement once, with one notice, and refuses a code outside the catalogue", async () => {
    const f = await seedFollower(db);
    expect(await awardAchievement({ userId: f.user.id, code: "tournament_winner" }, { db, clock })).toBe(true);
    expect(await awardAchievement({ userId: f.user.id, code: "tournament_winner" }, { db, clock })).toBe(false);
    expect(await db.notification.count({ where: { userId: f.user.id, kind: "achievement" } })).toBe(1);
    await expect(awardAchievement({ userId: f.user.id, code: "nonsense" }, { db })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // Inside the caller's transaction: rolled back with it.
    await db
      .$transaction(async (tx) => {
        await awardAchievement({ userId: f.user.id, code: "big_win" }, { db, tx });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    expect(await codes(f.user.id)).toEqual(["tournament_winner"]);
  });

  it("gives the 2FA achievement to confirmed authenticators only, once", async () => {
    const on = await seedFollower(db);
    const pending = await seedFollower(db);
    await db.totpFactor.createMany({
      data: [
        { userId: on.user.id, secret: "s", credentialKeyId: "k", confirmedAt: new Date() },
        { userId: pending.user.id, secret: "s", credentialKeyId: "k" },
      ],
    });
    expect(await awardTwoFactorAchievements({ db, clock })).toEqual({ awarded: 1 });
    expect(await awardTwoFactorAchievements({ db, clock })).toEqual({ awarded: 0 });
    expect(await codes(on.user.id)).toEqual(["two_factor"]);
    expect(await codes(pending.user.id)).toEqual([]);
  });

  it("rewards the first helpful answer of a day only, and a second press of it nothing", async () => {
    const f = await seedFollower(db);
    const answer = () =>
      db.supportAnswer.create({
        data: { userId: f.user.id, question: "q", answer: "a", sources: [], confidence: 1, retrieval: "bm25" },
      });
    const [a, b] = [await answer(), await answer()];
    const deps = { db, clock };
    await markHelpful({ answerId: a.id, userId: f.user.id }, deps);
    await markHelpful({ answerId: a.id, userId: f.user.id }, deps);
    await markHelpful({ answerId: b.id, userId: f.user.id }, deps);
    expect(await xpOf(f.user.id)).toBe(XP.helpful);
    clock.ms += DAY;
    await markHelpful({ answerId: b.id, userId: f.user.id }, deps);
    expect(await xpOf(f.user.id)).toBe(2 * XP.helpful);
  });
});
