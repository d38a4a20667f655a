import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFollower } from "../../test/community-factories.ts";
import { createTestDatabase } from "../../test/db.ts";
import { mergeUsers } from "../accounts/merge-users.ts";
import type { DbClient } from "../platform/db-client.ts";

describe("merging two identities keeps what the community ledger holds for both", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  it("adds XP, daily returns and tournament figures, and keeps every achievement once", async () => {
    const from = await seedFollower(db, { xp: 300 });
    const into = await seedFollower(db, { xp: 250 });
    const invited = await seedFollower(db, { referredById: from.user.id });
    const day = new Date("2026-12-01");
    const t = await db.tournament.create({ data: { name: "Cup", startsAt: day, endsAt: new Date("2026-12-09") } });
    for (const [u, pnl] of [
      [from.user.id, "10"],
      [into.user.id, "5"],
    ] as const) {
      await db.xpEvent.create({ data: { userId: u, key: `k:${u}`, kind: "trade_closed", xp: 10 } });
      await db.userAchievement.create({ data: { userId: u, code: "first_trade" } });
      await db.dailyReturn.create({ data: { userId: u, day, pnl, margin: "100", trades: 1 } });
      await db.tournamentEntry.create({ data: { tournamentId: t.id, userId: u, pnl, margin: "100", trades: 1 } });
    }
    await db.userAchievement.create({ data: { userId: from.user.id, code: "two_factor" } });
    await db.$transaction((tx) => mergeUsers({ from: from.user.id, into: into.user.id }, tx));

    const user = await db.user.findUniqueOrThrow({ where: { id: into.user.id } });
    expect([user.xp, user.level]).toEqual([550, 1]);
    expect(await db.xpEvent.count({ where: { userId: into.user.id } })).toBe(2);
    const codes = await db.userAchievement.findMany({ where: { userId: into.user.id }, orderBy: { code: "asc" } });
    expect(codes.map((a) => a.code)).toEqual(["first_trade", "two_factor"]);
    const d = await db.dailyReturn.findMany({ where: { userId: into.user.id } });
    expect(d.map((r) => [r.pnl.toString(), r.margin.toString(), r.trades])).toEqual([["15", "200", 2]]);
    const e = await db.tournamentEntry.findMany({ where: { userId: into.user.id } });
    expect(e.map((r) => [r.pnl.toString(), r.trades])).toEqual([["15", 2]]);
    expect((await db.user.findUniqueOrThrow({ where: { id: invited.user.id } })).referredById).toBe(into.user.id);
  });
});
