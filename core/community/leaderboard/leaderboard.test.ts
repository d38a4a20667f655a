import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { joinLeaderboard } from "./join-leaderboard.ts";
import { createLeaderboardCache } from "./leaderboard-cache.ts";
import { leaderboardSnapshot } from "./leaderboard-snapshot.ts";
import { MIN_LEADERBOARD_TRADES, windowDays } from "./leaderboard-window.ts";
import { leaveLeaderboard } from "./leave-leaderboard.ts";
import { nicknameSchema } from "./nickname.ts";
import { showLeaderboard } from "./show-leaderboard.ts";

const NOW = new Date("2026-12-07T15:00:00Z");
const clock = { now: () => NOW };
const day = (daysAgo: number) => new Date(Date.UTC(2026, 11, 7 - daysAgo));

describe("leaderboard nicknames", () => {
  it("takes 3–20 of A-Z, digits, _ and -, and refuses names that pass for Mimic or its staff", () => {
    const ok = (n: string) => nicknameSchema.safeParse(n).success;
    expect(["bob", "Trader_42", "a-b-c", "x".repeat(20)].every(ok)).toBe(true);
    expect(["ab", "x".repeat(21), "bob smith", "bøb", "<b>", "@here", "a.b"].some(ok)).toBe(false);
    expect(["admin", "TheAdmin", "ad_min", "Mimic", "m1m1c", "MIMIC-support", "4dmin_ok"].map(ok)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe("leaderboard", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  const user = async (nickname?: string) => {
    const u = await db.user.create({ data: {} });
    if (nickname) await joinLeaderboard({ userId: u.id, nickname }, { db, clock });
    return u.id;
  };
  const returns = (userId: string, rows: { daysAgo: number; pnl: string; margin: string; trades: number }[]) =>
    db.dailyReturn.createMany({
      data: rows.map((r) => ({ userId, day: day(r.daysAgo), pnl: r.pnl, margin: r.margin, trades: r.trades })),
    });

  it("opts in under a unique nickname (any case), renames, and leaves", async () => {
    const a = await user();
    const b = await user();
    expect(await joinLeaderboard({ userId: a, nickname: " Alpha " }, { db, clock })).toEqual({ nickname: "Alpha" });
    await expect(joinLeaderboard({ userId: b, nickname: "alpha" }, { db, clock })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { reason: "nickname_taken" },
    });
    await expect(joinLeaderboard({ userId: b, nickname: "admin_team" }, { db, clock })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // Joining again renames; the old name is free.
    await joinLeaderboard({ userId: a, nickname: "Alpha2" }, { db, clock });
    await joinLeaderboard({ userId: b, nickname: "alpha" }, { db, clock });
    expect(await leaveLeaderboard({ userId: a }, { db })).toEqual({ left: true });
    expect(await leaveLeaderboard({ userId: a }, { db })).toEqual({ left: false });
    const left = await db.user.findUniqueOrThrow({ where: { id: a } });
    expect([left.nickname, left.leaderboardJoinedAt]).toEqual([null, null]);
  });

  it("ranks opted-in users by Σpnl ÷ Σmargin over the window, with the minimum trades", async () => {
    await db.dailyReturn.deleteMany();
    const steady = await user("steady");
    const lucky = await user("lucky");
    const old = await user("old_hand");
    const hidden = await user();
    const best = await user("best");
    // 10% on 5 trades over two days inside 7d.
    await returns(steady, [
      { daysAgo: 0, pnl: "50", margin: "500", trades: 3 },
      { daysAgo: 6, pnl: "50", margin: "500", trades: 2 },
    ]);
    // 200% but on 2 trades: below the minimum.
    await returns(lucky, [{ daysAgo: 1, pnl: "200", margin: "100", trades: 2 }]);
    // 50% on 9 trades, but 7 days ago or earlier: only in the 30d window.
    await returns(old, [
      { daysAgo: 7, pnl: "300", margin: "600", trades: 5 },
      { daysAgo: 29, pnl: "0", margin: "0", trades: 4 },
      // Outside 30d: never counted.
      { daysAgo: 30, pnl: "-10000", margin: "100", trades: 50 },
    ]);
    // The best returns, but never opted in: nowhere by identity.
    await returns(hidden, [{ daysAgo: 0, pnl: "900", margin: "100", trades: 20 }]);
    // 20% in 7d, -10% more on earlier days: 30d is (100 − 100) ÷ (500 + 1000) = 0.
    await returns(best, [
      { daysAgo: 2, pnl: "100", margin: "500", trades: 5 },
      { daysAgo: 20, pnl: "-100", margin: "1000", trades: 5 },
    ]);

    const week = await leaderboardSnapshot({ window: "7d", now: NOW }, { db });
    expect(week.rows.map((r) => [r.rank, r.nickname, Number(r.roe), r.trades])).toEqual([
      [1, "best", 0.2, 5],
      [2, "steady", 0.1, 5],
    ]);
    const month = await leaderboardSnapshot({ window: "30d", now: NOW }, { db });
    expect(month.rows.map((r) => [r.nickname, Number(r.roe)])).toEqual([
      ["old_hand", 0.5],
      ["steady", 0.1],
      ["best", 0],
    ]);
    expect(MIN_LEADERBOARD_TRADES).toBe(5);
    expect(windowDays("7d", NOW)).toEqual({ from: day(6), to: day(-1) });

    // The asker: ranked, below the minimum, or not joined (with no rank even though they trade best).
    const fresh = { db, clock, leaderboardCache: createLeaderboardCache() };
    const mine = await showLeaderboard({ userId: steady, window: "7d" }, fresh);
    expect(mine.me).toMatchObject({ joined: true, nickname: "steady", rank: 2, trades: 5 });
    expect(mine.top.map((r) => r.nickname)).toEqual(["best", "steady"]);
    expect((await showLeaderboard({ userId: lucky, window: "7d" }, fresh)).me).toMatchObject({
      joined: true,
      rank: null,
      trades: 2,
    });
    expect((await showLeaderboard({ userId: hidden, window: "7d" }, fresh)).me).toMatchObject({
      joined: false,
      nickname: null,
      rank: null,
    });
  });

  it("keeps a window's ranking for a minute, and reads the asker's own trades fresh", async () => {
    await db.dailyReturn.deleteMany();
    const a = await user("cache_a");
    await returns(a, [{ daysAgo: 0, pnl: "10", margin: "100", trades: 5 }]);
    let now = NOW;
    const cache = createLeaderboardCache({ maxAgeMs: 60_000 });
    const deps = { db, clock: { now: () => now }, leaderboardCache: cache };
    expect((await showLeaderboard({ userId: a, window: "7d" }, deps)).ranked).toBe(1);
    const b = await user("cache_b");
    await returns(b, [{ daysAgo: 0, pnl: "50", margin: "100", trades: 6 }]);
    const stale = await showLeaderboard({ userId: b, window: "7d" }, deps);
    expect([stale.ranked, stale.me.trades, stale.me.rank]).toEqual([1, 6, null]);
    now = new Date(NOW.getTime() + 60_000);
    const fresh = await showLeaderboard({ userId: b, window: "7d" }, deps);
    expect([fresh.ranked, fresh.me.rank, fresh.top[0]?.nickname]).toEqual([2, 1, "cache_b"]);
  });
});
