import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { type MimicSystem, startMimic } from "./mimic-system.ts";

// Every Postgres connection of the database is cut (pg_terminate_backend), three times during one fan-out.
// Queries in flight fail and their jobs retry; orders already sent must be found, not sent again.

const FOLLOWERS = 300;

describe("Postgres connections dropped in the middle of a fan-out", () => {
  let fake: FakeBinance;
  let mimic: MimicSystem;
  let admin: pg.Client;

  beforeAll(async () => {
    fake = await startFakeBinance({ startingBalance: "10000", faults: { orderLatencyMs: 50 } });
    mimic = await startMimic({ fakeUrl: fake.url, env: { WORKER_CONCURRENCY: "32" } });
    // On the test database itself: it locks a table there, and it is spared when the others are cut.
    admin = new pg.Client({ connectionString: mimic.testDb.url });
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await mimic?.close();
    await fake?.close();
  }, 60_000);

  // Orders are written twice: a durable "sending" row before the request, the outcome after it. A cut between
  // two batched outcome writes loses nothing, so each cut first holds the table for longer than an order takes
  // at the exchange: the outcomes of orders accepted meanwhile are waiting on the lock when their connections
  // die, and those followers' retries must find their orders at the exchange instead of sending them again.
  const cutConnections = async () => {
    const dbName = new URL(mimic.testDb.url).pathname.slice(1);
    await admin.query("BEGIN");
    await admin.query('LOCK TABLE "Order" IN EXCLUSIVE MODE');
    await new Promise((r) => setTimeout(r, 150));
    const res = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [dbName],
    );
    await admin.query("COMMIT");
    return res.rowCount ?? 0;
  };

  it("every follower filled once: jobs retried, nothing doubled", async () => {
    const strategy = await mimic.createStrategy({ name: "Postgres drop", maxSignalAgeSec: 600 });
    await mimic.seed(strategy, FOLLOWERS, "pgdrop");
    const signalId = await mimic.webhook(strategy, { symbol: "BTCUSDT", action: "long", tp_perc: 3, id: "pg-1" });

    const cuts: { accepted: number; terminated: number }[] = [];
    for (const share of [0.2, 0.45, 0.7]) {
      while (fake.stats().acceptedOrders < FOLLOWERS * 2 * share) await new Promise((r) => setTimeout(r, 5));
      cuts.push({ accepted: fake.stats().acceptedOrders, terminated: await cutConnections() });
    }
    // Each cut landed mid-run and took down the API's, the worker's and our own connections.
    expect(cuts.length).toBeGreaterThan(0);
    expect(cuts.every((c) => c.accepted < 2 * FOLLOWERS && c.terminated >= 2)).toBe(true);

    expect(await mimic.waitTerminal(signalId, FOLLOWERS, 60_000)).toEqual({ filled: FOLLOWERS });
    const orders = await mimic.testDb.db.prisma.order.findMany({ where: { execution: { signalId } } });
    expect(orders.map((o) => `${o.kind}:${o.status}`).sort()).toEqual(
      [...Array(FOLLOWERS).fill("entry:filled"), ...Array(FOLLOWERS).fill("take_profit:open")].sort(),
    );
    expect(orders.map((o) => fake.creates(o.clientOrderId))).toEqual(Array(2 * FOLLOWERS).fill(1));
    expect(fake.duplicateCreates()).toEqual([]);
    expect(fake.stats().acceptedOrders).toBe(2 * FOLLOWERS);
    // The worker survived the cuts (no restart), retried, and found orders whose outcome a cut had swallowed.
    const [worker] = mimic.workers;
    expect(worker?.child.exitCode).toBeNull();
    expect(worker?.output()).toMatch(/"code":"INTERNAL".*"msg":"execution will be retried"/);
    expect(worker?.output()).toMatch(/found at the exchange; not resending/);
  }, 120_000);
});
