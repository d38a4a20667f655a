import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createSourceBindingLookup, findSourceBindings } from "./find-source-bindings.ts";

const CHANNEL = "400000000000000001";
const POSTER = "200000000000000001";
const WEBHOOK = "500000000000000001";

describe("source bindings of a message", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let strategies: { id: string; slug: string }[];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db.prisma;
    strategies = await Promise.all(
      ["one", "two"].map((slug) => db.strategy.create({ data: { name: slug, slug, passphraseHash: "x" } })),
    );
    const [one, two] = strategies.map((st) => st.id) as [string, string];
    const bind = { guildId: "300000000000000001", channelId: CHANNEL, boundBy: POSTER };
    await db.channelBinding.createMany({
      data: [
        { ...bind, kind: "source", strategyId: one, posterId: POSTER },
        { ...bind, kind: "source", strategyId: two, posterId: WEBHOOK },
        // A publish binding of the same channel is no source.
        { ...bind, kind: "publish", strategyId: two },
      ],
    });
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("matches the poster by author id or by webhook id, and nobody else", async () => {
    const deps = { db: testDb.db.prisma };
    const byAuthor = await findSourceBindings({ channelId: CHANNEL, authorId: POSTER }, deps);
    expect(byAuthor).toMatchObject({ source: true, matches: [{ strategySlug: "one", posterId: POSTER }] });
    const byWebhook = await findSourceBindings({ channelId: CHANNEL, authorId: WEBHOOK, webhookId: WEBHOOK }, deps);
    expect(byWebhook.matches.map((m) => m.strategySlug)).toEqual(["two"]);
    const other = await findSourceBindings({ channelId: CHANNEL, authorId: "200000000000000099" }, deps);
    expect(other).toEqual({ source: true, matches: [] });
    const elsewhere = await findSourceBindings({ channelId: "400000000000000002", authorId: POSTER }, deps);
    expect(elsewhere).toEqual({ source: false, matches: [] });
  });

  it("caches a channel until it is forgotten", async () => {
    const lookup = createSourceBindingLookup(testDb.db.prisma, { ttlMs: 60_000 });
    const channelId = "400000000000000003";
    expect((await lookup.find({ channelId, authorId: POSTER })).source).toBe(false);
    const one = strategies[0] as { id: string };
    await testDb.db.prisma.channelBinding.create({
      data: { kind: "source", guildId: "3", channelId, strategyId: one.id, posterId: POSTER, boundBy: POSTER },
    });
    expect((await lookup.find({ channelId, authorId: POSTER })).source).toBe(false);
    lookup.forget(channelId);
    expect((await lookup.find({ channelId, authorId: POSTER })).matches).toHaveLength(1);
  });
});
