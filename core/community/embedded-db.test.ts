import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClosedTrade, seedFollower } from "../../test/community-factories.ts";
import { createPgliteTestDb } from "../../test/db.ts";
import type { Db } from "../platform/db/create-db.ts";
import { awardActiveDays } from "./award-active-days.ts";
import { awardTwoFactorAchievements } from "./award-two-factor.ts";
import { scoreClosedTrades } from "./score-closed-trades.ts";

// `npm start` runs the community loop on PGlite: the same statements (SKIP LOCKED, unnest, upserts) work there.
describe("the community ledger on the embedded database", () => {
  let embedded: Db;
  beforeAll(async () => {
    embedded = await createPgliteTestDb();
  });
  afterAll(() => embedded?.close());

  it("scores trades and awards days", async () => {
    const db = embedded.prisma;
    const clock = { now: () => new Date() };
    const f = await seedFollower(db);
    await seedClosedTrade(db, f);
    expect(await scoreClosedTrades({}, { db, clock })).toEqual({ scored: 1, empty: 0 });
    expect(await awardActiveDays({}, { db, clock })).toEqual({ awarded: 1 });
    expect(await awardTwoFactorAchievements({ db, clock })).toEqual({ awarded: 0 });
    const user = await db.user.findUniqueOrThrow({ where: { id: f.user.id }, include: { achievements: true } });
    expect(user.xp).toBe(30);
    expect(user.achievements.map((a) => a.code).sort()).toEqual(["first_profit", "first_trade"]);
    expect(await db.dailyReturn.count()).toBe(1);
  });
});
