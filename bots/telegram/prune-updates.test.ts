import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { pruneTelegramUpdates } from "./prune-updates.ts";

describe("pruneTelegramUpdates", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb?.drop());

  it("forgets ids older than a week and keeps the rest", async () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const day = 24 * 3600 * 1000;
    await testDb.db.prisma.telegramUpdate.createMany({
      data: [
        { updateId: 1n, receivedAt: new Date(now.getTime() - 8 * day) },
        { updateId: 2n, receivedAt: new Date(now.getTime() - 6 * day) },
        { updateId: 3n, receivedAt: now },
      ],
    });
    expect(await pruneTelegramUpdates(testDb.db.prisma, now)).toBe(1);
    const left = await testDb.db.prisma.telegramUpdate.findMany({ orderBy: { updateId: "asc" } });
    expect(left.map((u) => u.updateId)).toEqual([2n, 3n]);
  });
});
