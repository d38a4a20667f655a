import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { silentLogger } from "../../platform/logger.ts";
import { joinLeaderboard } from "../leaderboard/join-leaderboard.ts";
import { createTournament } from "./create-tournament.ts";
import { finishTournaments, RESULTS_GRACE_MS } from "./finish-tournaments.ts";
import { joinTournament } from "./join-tournament.ts";
import { showTournament } from "./show-tournament.ts";
import { tournamentMessage, tournamentRoute } from "./tournament-message.ts";

const HOUR = 3_600_000;

describe("tournaments", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  let ms = Date.parse("2026-12-01T00:00:00Z");
  const clock = { now: () => new Date(ms) };
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  const follower = async (telegramId: string, nickname?: string) => {
    const u = await db.user.create({ data: { telegramId } });
    if (nickname) await joinLeaderboard({ userId: u.id, nickname }, { db, clock });
    return u.id;
  };
  /** What the scoring sweep writes for trades opened and closed inside the window. */
  const score = (tournamentId: string, userId: string, pnl: string, margin: string, trades: number) =>
    db.tournamentEntry.update({
      where: { tournamentId_userId: { tournamentId, userId } },
      data: { pnl, margin, trades },
    });

  it("is created for the future only, with its end after its start", async () => {
    const start = new Date(ms + HOUR);
    await expect(
      createTournament({ name: "x", startsAt: start, endsAt: start, minTrades: 1 }, { db, clock }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      createTournament(
        { name: "x", startsAt: new Date(ms - 1), endsAt: new Date(ms + HOUR), minTrades: 1 },
        { db, clock },
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is joined before its start only, ranks by return on equity with its minimum trades, ends once", async () => {
    expect(await showTournament({ userId: "nobody" }, { db, clock })).toBeNull();
    await expect(joinTournament({ userId: "nobody" }, { db, clock })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const t = await createTournament(
      {
        name: "December cup",
        startsAt: new Date(ms + HOUR),
        endsAt: new Date(ms + 49 * HOUR),
        minTrades: 3,
        prize: "100 USDT",
      },
      { db, clock },
    );
    const ann = await follower("1", "ann");
    const bea = await follower("2", "bea");
    const cid = await follower("3");
    const dan = await follower("4", "dan");
    const late = await follower("5", "late");
    for (const u of [ann, bea, cid, dan]) await joinTournament({ userId: u }, { db, clock });
    expect((await joinTournament({ userId: ann }, { db, clock })).joined).toBe(false);
    const before = await showTournament({ userId: late }, { db, clock });
    expect([before?.status, before?.participants, before?.joined]).toEqual(["upcoming", 4, false]);

    ms += HOUR;
    await expect(joinTournament({ userId: late }, { db, clock })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { reason: "tournament_started" },
    });
    // ann 10% on 4 trades, bea 30% on 3, cid (no nickname) 20% on 5, dan 90% but 2 trades: below the minimum.
    await score(t.id, ann, "100", "1000", 4);
    await score(t.id, bea, "150", "500", 3);
    await score(t.id, cid, "40", "200", 5);
    await score(t.id, dan, "90", "100", 2);
    const running = await showTournament({ userId: dan }, { db, clock });
    expect(running?.status).toBe("running");
    expect(running?.top.map((s) => [s.rank, s.nickname, Number(s.roe)])).toEqual([
      [1, "bea", 0.3],
      [2, null, 0.2],
      [3, "ann", 0.1],
    ]);
    expect([running?.ranked, running?.joined, running?.me, running?.myTrades]).toEqual([3, true, null, 2]);
    expect((await showTournament({ userId: cid }, { db, clock }))?.me).toMatchObject({ rank: 2, nickname: null });
    expect((await showTournament({ userId: ann }, { db, clock }))?.me).toMatchObject({ rank: 3, nickname: "ann" });

    // A bound Telegram chat and a Discord channel get the results, as does every participant.
    await db.communityChannel.createMany({
      data: [
        { transport: "telegram", chatId: "-100777", boundBy: "admin" },
        { transport: "discord", chatId: "900000000000000001", guildId: "800", boundBy: "admin" },
      ],
    });
    const deps = { db, clock, logger: silentLogger };
    ms = t.endsAt.getTime();
    expect(await finishTournaments(deps)).toEqual({ finished: [] });
    ms += RESULTS_GRACE_MS;
    // A trade the sweep counted late, within the grace, still counts.
    await score(t.id, ann, "400", "1000", 5);
    const runs = await Promise.all([finishTournaments(deps), finishTournaments(deps)]);
    expect(runs.flatMap((r) => r.finished)).toEqual([t.id]);
    expect(await finishTournaments(deps)).toEqual({ finished: [] });

    const entries = await db.tournamentEntry.findMany({ where: { tournamentId: t.id } });
    const rankOf = (u: string) => entries.find((e) => e.userId === u)?.rank;
    expect([rankOf(ann), rankOf(bea), rankOf(cid), rankOf(dan)]).toEqual([1, 2, 3, null]);
    const rows = await db.notification.findMany({ where: { kind: "tournament" }, orderBy: { dedupeKey: "asc" } });
    expect(rows).toHaveLength(6);
    const channelRows = rows.filter((r) => (r.payload as { via?: string }).via);
    expect(channelRows.map((r) => r.payload)).toEqual([
      { tournamentId: t.id, via: "discord", chat: "900000000000000001" },
      { tournamentId: t.id, via: "telegram", chat: "-100777" },
    ]);
    // The winner's achievement, once.
    expect(await db.userAchievement.findMany({ where: { code: "tournament_winner" } })).toEqual([
      expect.objectContaining({ userId: ann }),
    ]);

    // A late increment never reorders a finished tournament.
    await score(t.id, dan, "900", "100", 9);
    const after = await showTournament({ userId: ann }, { db, clock });
    expect([after?.status, after?.top[0]?.nickname, after?.me?.rank]).toEqual(["ended", "ann", 1]);

    const toDan = await tournamentMessage({ tournamentId: t.id }, dan, { db });
    expect(toDan).toEqual({
      kind: "tournament",
      name: "December cup",
      prize: "100 USDT",
      ranked: 3,
      podium: [
        { rank: 1, nickname: "ann", roePerc: "40.00" },
        { rank: 2, nickname: "bea", roePerc: "30.00" },
        { rank: 3, nickname: null, roePerc: "20.00" },
      ],
      you: { rank: null, roePerc: null, trades: 9, minTrades: 3 },
    });
    const channel = channelRows[1]!;
    expect((await tournamentMessage(channel.payload, channel.userId, { db }))?.you).toBeNull();
    expect(tournamentRoute("tournament", channel.payload, channel.userId)).toMatchObject({
      adminChat: true,
      to: { transport: "telegram", telegramId: "-100777", discordId: null },
    });
    expect(tournamentRoute("tournament", { tournamentId: t.id }, ann)).toBeUndefined();
    expect(tournamentRoute("tournament", channelRows[0]!.payload, ann)?.to).toMatchObject({
      transport: "discord",
      discordId: "900000000000000001",
      discordDmChannelId: "900000000000000001",
    });
  });
});
