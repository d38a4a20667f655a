import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

describe("admin tournaments API", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  const start = new Date(Date.now() + 86_400_000).toISOString();
  const end = new Date(Date.now() + 8 * 86_400_000).toISOString();

  it("needs the admin token", async () => {
    expect((await h.request("GET", "/api/admin/tournaments", undefined, { auth: false })).status).toBe(401);
    const body = { name: "x", startsAt: start, endsAt: end, minTrades: 1 };
    expect((await h.request("POST", "/api/admin/tournaments", body, { auth: false })).status).toBe(401);
  });

  it("creates a tournament, lists it and shows it with its standings", async () => {
    const created = await h.request("POST", "/api/admin/tournaments", {
      name: "Winter cup",
      startsAt: start,
      endsAt: end,
      minTrades: 5,
      prize: "A hoodie",
    });
    expect(created.status).toBe(201);
    const t = (await created.json()) as { id: string; minTrades: number; resultsPostedAt: null };
    expect([t.minTrades, t.resultsPostedAt]).toEqual([5, null]);

    const user = await testDb.db.prisma.user.create({ data: { nickname: "frost", leaderboardJoinedAt: new Date() } });
    await testDb.db.prisma.tournamentEntry.create({
      data: { tournamentId: t.id, userId: user.id, pnl: "25", margin: "100", trades: 6 },
    });
    const list = await h.admin<{ tournaments: { id: string; participants: number }[] }>(
      "GET",
      "/api/admin/tournaments",
    );
    expect(list.tournaments).toEqual([expect.objectContaining({ id: t.id, name: "Winter cup", participants: 1 })]);
    const one = await h.admin<{ standings: unknown[]; ranked: number }>("GET", `/api/admin/tournaments/${t.id}`);
    expect(one).toMatchObject({
      ranked: 1,
      standings: [{ rank: 1, nickname: "frost", roe: expect.any(String), trades: 6 }],
    });
  });

  it("refuses bad input and unknown ids", async () => {
    const bad = (body: unknown) => h.request("POST", "/api/admin/tournaments", body);
    expect((await bad({ name: "x", startsAt: end, endsAt: start })).status).toBe(400);
    expect((await bad({ name: "x", startsAt: "tomorrow", endsAt: end })).status).toBe(400);
    expect((await bad({ name: "", startsAt: start, endsAt: end })).status).toBe(400);
    expect((await bad({ name: "x", startsAt: start, endsAt: end, minTrades: 0 })).status).toBe(400);
    expect((await h.request("GET", "/api/admin/tournaments/nope")).status).toBe(400);
    expect((await h.request("GET", `/api/admin/tournaments/${crypto.randomUUID()}`)).status).toBe(404);
  });
});
