import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../db.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../../harness.ts";

// Bodies without an id are deduplicated by body hash within SIGNAL_DEDUPE_WINDOW_SEC, keyed by a time bucket.
// Deliveries arriving together on both sides of a bucket boundary carry different keys: only the look-back
// can catch them, and a look-back cannot see a concurrent insert that has not committed yet.

describe("five concurrent deliveries of one id-less body straddling a dedupe bucket boundary", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  const windowMs = 30_000;
  const boundary = Math.ceil(Date.now() / windowMs + 1) * windowMs;
  let calls = 0;
  // Every other delivery is received 1 ms after the boundary, the others 1 ms before it.
  const clock = { now: () => new Date(boundary + (calls++ % 2 === 0 ? -1 : 1)) };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db, clock, paperPrices: { "BTC/USDT:USDT": "60000" } });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  // Without the per-(strategy, body) advisory lock in record-signal.ts this yields two signals, so every
  // follower would get two entry orders.
  it("are one signal with one order per follower", async () => {
    const { strategy, followers } = await seedPaperFollowers(h, 3);
    // Each signal insert takes 300 ms to commit, so the five deliveries are certain to overlap in the database
    // however loaded the machine is (this database is the test's own).
    await testDb.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION slow_insert() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$
      LANGUAGE plpgsql`);
    await testDb.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER slow_signal BEFORE INSERT ON "Signal" FOR EACH ROW EXECUTE FUNCTION slow_insert()`,
    );
    // Connections open and idle, so the deliveries really run side by side rather than queue behind a connect.
    await Promise.all(Array.from({ length: 5 }, () => testDb.db.prisma.$queryRaw`SELECT 1 AS x FROM pg_sleep(0.05)`));
    calls = 0;
    const body = { passphrase: strategy.passphrase, symbol: "BTCUSDT", action: "long" };
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => h.request("POST", `/webhooks/tradingview/${strategy.slug}`, body)),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(5).fill(202));
    await h.queue.drain();
    expect(await testDb.db.prisma.signal.count()).toBe(1);
    // Entries are IOC limits at the slippage cap.
    expect(await testDb.db.prisma.paperOrder.count({ where: { type: "limit" } })).toBe(followers.length);
  });
});
