import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClosedTrade, seedFollower } from "../../test/community-factories.ts";
import { createTestDatabase } from "../../test/db.ts";
import type { DbClient } from "../platform/db-client.ts";
import { awardXp } from "./award-xp.ts";
import { FILLS_GRACE_MS, scoreClosedTrades, unscoredTradesBefore } from "./score-closed-trades.ts";
import { XP, xpKey } from "./xp-rules.ts";

const HOUR = 3_600_000;

describe("scoring closed trades (XP, achievements, DailyReturn, TournamentEntry)", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  const clock = { ms: Date.parse("2026-12-07T12:00:00Z"), now: () => new Date(clock.ms) };
  const sweep = () => scoreClosedTrades({ limit: 3 }, { db, clock });
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  const achievements = async (userId: string) =>
    (await db.userAchievement.findMany({ where: { userId }, orderBy: { code: "asc" } })).map((a) => a.code);
  const notices = async (userId: string) =>
    (await db.notification.findMany({ where: { userId }, orderBy: { dedupeKey: "asc" } })).map((n) => n.dedupeKey);

  it("counts each trade once, whatever replays it", async () => {
    const f = await seedFollower(db);
    const closedAt = new Date("2026-12-07T10:00:00Z");
    const win = await seedClosedTrade(db, f, { pnl: "100", fees: "4", closedAt });
    const loss = await seedClosedTrade(db, f, { pnl: "-50", fees: "2", closedAt: new Date(closedAt.getTime() + 1) });
    const first = await sweep();
    expect(first.scored).toBeGreaterThanOrEqual(2);

    const user = await db.user.findUniqueOrThrow({ where: { id: f.user.id } });
    expect(user.xp).toBe(2 * XP.trade_closed + XP.trade_profit);
    const day = await db.dailyReturn.findUniqueOrThrow({
      where: { userId_day: { userId: f.user.id, day: new Date("2026-12-07") } },
    });
    // (100 − 4) + (−50 − 2); margin 0.1 × 60000 ÷ 5 twice.
    expect([day.pnl.toString(), day.margin.toString(), day.trades]).toEqual(["44", "2400", 2]);
    expect(await achievements(f.user.id)).toEqual(["first_profit", "first_trade"]);
    expect(await notices(f.user.id)).toEqual([
      `achievement:${f.user.id}:first_profit`,
      `achievement:${f.user.id}:first_trade`,
    ]);
    for (const t of [win, loss]) {
      expect((await db.trade.findUniqueOrThrow({ where: { id: t.id } })).scoredAt).toEqual(clock.now());
    }

    // The sweep again, and an award replayed by its key: nothing moves.
    expect(await sweep()).toEqual({ scored: 0, empty: 0 });
    const replay = await awardXp(
      { userId: f.user.id, kind: "trade_closed", key: xpKey.tradeClosed(win.id) },
      { db, clock },
    );
    expect(replay).toEqual({ awarded: false, levelUp: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: f.user.id } })).xp).toBe(user.xp);
    expect(await db.xpEvent.count({ where: { userId: f.user.id } })).toBe(3);
    expect((await db.dailyReturn.findMany({ where: { userId: f.user.id } })).map((d) => d.trades)).toEqual([2]);
    expect(await notices(f.user.id)).toHaveLength(2);
  });

  it("waits for a trade's fees, unless they were never read within the grace", async () => {
    const f = await seedFollower(db);
    const recent = await seedClosedTrade(db, f, { synced: false, closedAt: new Date(clock.ms - HOUR) });
    const stale = await seedClosedTrade(db, f, { synced: false, closedAt: new Date(clock.ms - FILLS_GRACE_MS - HOUR) });
    await sweep();
    expect((await db.trade.findUniqueOrThrow({ where: { id: recent.id } })).scoredAt).toBeNull();
    expect((await db.trade.findUniqueOrThrow({ where: { id: stale.id } })).scoredAt).not.toBeNull();
    expect(await unscoredTradesBefore(db, clock.now())).toBe(true);
    await db.trade.update({ where: { id: recent.id }, data: { fillsSyncedAt: clock.now() } });
    await sweep();
    expect(await unscoredTradesBefore(db, clock.now())).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: f.user.id } })).xp).toBe(
      2 * (XP.trade_closed + XP.trade_profit),
    );
  });

  it("marks an entry that never filled as scored without counting it", async () => {
    const f = await seedFollower(db);
    const expired = await seedClosedTrade(db, f, { entryAmount: "0", pnl: "0", fees: "0", synced: false });
    expect(await sweep()).toMatchObject({ empty: 1 });
    expect((await db.trade.findUniqueOrThrow({ where: { id: expired.id } })).scoredAt).not.toBeNull();
    expect(await db.dailyReturn.count({ where: { userId: f.user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: f.user.id } })).xp).toBe(0);
    expect(await achievements(f.user.id)).toEqual([]);
  });

  it("adds a trade to a tournament only when it opened and closed inside the window", async () => {
    const f = await seedFollower(db);
    const startsAt = new Date("2026-12-05T00:00:00Z");
    const endsAt = new Date("2026-12-06T00:00:00Z");
    const t = await db.tournament.create({ data: { name: "Cup", startsAt, endsAt } });
    const other = await db.tournament.create({ data: { name: "Later", startsAt: endsAt, endsAt: new Date(clock.ms) } });
    await db.tournamentEntry.createMany({
      data: [
        { tournamentId: t.id, userId: f.user.id },
        { tournamentId: other.id, userId: f.user.id },
      ],
    });
    // Opened before the start, closed inside: the day counts it, the tournament does not.
    await seedClosedTrade(db, f, {
      openedAt: new Date(startsAt.getTime() - HOUR),
      closedAt: new Date(startsAt.getTime() + HOUR),
    });
    // Opened and closed inside: counts. Closed after the end: does not.
    await seedClosedTrade(db, f, {
      pnl: "200",
      fees: "0",
      openedAt: new Date(startsAt.getTime() + HOUR),
      closedAt: new Date(endsAt.getTime() - HOUR),
    });
    await seedClosedTrade(db, f, {
      openedAt: new Date(endsAt.getTime() - HOUR),
      closedAt: new Date(endsAt.getTime() + HOUR),
    });
    await sweep();
    const entry = await db.tournamentEntry.findUniqueOrThrow({
      where: { tournamentId_userId: { tournamentId: t.id, userId: f.user.id } },
    });
    expect([entry.pnl.toString(), entry.margin.toString(), entry.trades]).toEqual(["200", "1200", 1]);
    // The later tournament's window holds the third trade's whole life only if it opened after its start: it did not.
    const later = await db.tournamentEntry.findUniqueOrThrow({
      where: { tournamentId_userId: { tournamentId: other.id, userId: f.user.id } },
    });
    expect(later.trades).toBe(0);
    const days = await db.dailyReturn.findMany({ where: { userId: f.user.id }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.trades])).toEqual([
      ["2026-12-05", 2],
      ["2026-12-06", 1],
    ]);
    expect(await achievements(f.user.id)).toContain("tournament_player");
  });

  it("freezes a tournament's figures once its results are posted", async () => {
    const f = await seedFollower(db);
    const t = await db.tournament.create({
      data: {
        name: "Done",
        startsAt: new Date(clock.ms - 10 * HOUR),
        endsAt: new Date(clock.ms - HOUR),
        resultsPostedAt: new Date(clock.ms),
      },
    });
    await db.tournamentEntry.create({ data: { tournamentId: t.id, userId: f.user.id } });
    await seedClosedTrade(db, f, { openedAt: new Date(clock.ms - 5 * HOUR), closedAt: new Date(clock.ms - 2 * HOUR) });
    await sweep();
    const entry = await db.tournamentEntry.findUniqueOrThrow({
      where: { tournamentId_userId: { tournamentId: t.id, userId: f.user.id } },
    });
    expect(entry.trades).toBe(0);
  });

  it("levels up once, with one notice, and awards trade-count achievements at their counts", async () => {
    const f = await seedFollower(db, { xp: 495 });
    // Nine copied trades closed before (their XP is in the 495 already).
    await db.xpEvent.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({
        userId: f.user.id,
        key: `old:${f.user.id}:${i}`,
        kind: "trade_closed",
        xp: 0,
      })),
    });
    await seedClosedTrade(db, f, { pnl: "-1", fees: "0" });
    await sweep();
    const user = await db.user.findUniqueOrThrow({ where: { id: f.user.id } });
    expect([user.xp, user.level]).toEqual([505, 1]);
    expect(await achievements(f.user.id)).toEqual(["first_trade", "trades_10"]);
    expect(await notices(f.user.id)).toContain(`level:${f.user.id}:1`);
    await seedClosedTrade(db, f, { pnl: "-1", fees: "0" });
    await sweep();
    expect((await db.notification.findMany({ where: { userId: f.user.id, kind: "level_up" } })).length).toBe(1);
  });

  it("rewards the referrer once, for a live account's first trade only", async () => {
    const referrer = await seedFollower(db);
    const paper = await seedFollower(db, { referredById: referrer.user.id });
    await seedClosedTrade(db, paper);
    await sweep();
    expect((await db.user.findUniqueOrThrow({ where: { id: referrer.user.id } })).xp).toBe(0);
    const live = await seedFollower(db, { referredById: referrer.user.id, exchange: "binanceusdm" });
    await seedClosedTrade(db, live);
    await seedClosedTrade(db, live);
    await sweep();
    expect((await db.user.findUniqueOrThrow({ where: { id: referrer.user.id } })).xp).toBe(XP.referral);
    expect(await achievements(referrer.user.id)).toEqual(["referral"]);
  });

  it("counts a provider's trades on their own strategy as returns, without XP or achievements", async () => {
    const f = await seedFollower(db);
    await db.strategy.update({ where: { id: f.strategy.id }, data: { ownerUserId: f.user.id } });
    await seedClosedTrade(db, f, { pnl: "30", fees: "0" });
    await sweep();
    expect((await db.user.findUniqueOrThrow({ where: { id: f.user.id } })).xp).toBe(0);
    expect(await achievements(f.user.id)).toEqual([]);
    expect((await db.dailyReturn.findMany({ where: { userId: f.user.id } })).map((d) => d.trades)).toEqual([1]);
  });

  it("lets workers race over the same trades and still counts each once", async () => {
    const f = await seedFollower(db);
    for (let i = 0; i < 12; i++) await seedClosedTrade(db, f, { pnl: "10", fees: "1" });
    await Promise.all([sweep(), sweep(), sweep()]);
    const user = await db.user.findUniqueOrThrow({ where: { id: f.user.id } });
    expect(user.xp).toBe(12 * (XP.trade_closed + XP.trade_profit));
    const days = await db.dailyReturn.findMany({ where: { userId: f.user.id } });
    expect(days.reduce((s, d) => s + d.trades, 0)).toBe(12);
    expect(await achievements(f.user.id)).toEqual(["first_profit", "first_trade", "trades_10"]);
  });
});
