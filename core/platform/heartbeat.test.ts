import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { startHeartbeat } from "./heartbeat.ts";
import { silentLogger } from "./logger.ts";

describe("worker heartbeat", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it("writes its row at once and on every beat, and deletes it on stop", async () => {
    const db = testDb.db.prisma;
    const hb = await startHeartbeat({ db, logger: silentLogger }, { kind: "worker", intervalMs: 30 });
    const first = await db.workerHeartbeat.findUniqueOrThrow({ where: { id: hb.id } });
    expect(first).toMatchObject({ kind: "worker", pid: process.pid });
    expect(first.seenAt.getTime()).toBe(first.startedAt.getTime());
    await new Promise((r) => setTimeout(r, 100));
    const later = await db.workerHeartbeat.findUniqueOrThrow({ where: { id: hb.id } });
    expect(later.seenAt.getTime()).toBeGreaterThan(first.seenAt.getTime());
    expect(later.startedAt).toEqual(first.startedAt);
    await hb.stop();
    expect(await db.workerHeartbeat.findUnique({ where: { id: hb.id } })).toBeNull();
  });
});
