import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../core/platform/db-client.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { seedClosedTrade, seedFollower } from "../test/community-factories.ts";
import { createTestDatabase } from "../test/db.ts";
import { startCommunityLoop } from "./community-loop.ts";

describe("the worker's community loop", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: DbClient;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db.prisma;
  });
  afterAll(() => testDb?.drop());

  it("scores closed trades and awards the day's XP on its own", async () => {
    const f = await seedFollower(db);
    const trade = await seedClosedTrade(db, f);
    const loop = startCommunityLoop({ db, clock: { now: () => new Date() }, logger: silentLogger, intervalMs: 20 });
    try {
      await expect
        .poll(async () => (await db.user.findUniqueOrThrow({ where: { id: f.user.id } })).xp, { timeout: 5_000 })
        .toBe(30);
      expect((await db.trade.findUniqueOrThrow({ where: { id: trade.id } })).scoredAt).not.toBeNull();
    } finally {
      await loop.stop();
    }
  });
});
