import type pg from "pg";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (at most two minutes) until no autovacuum worker runs and no query of the benchmark's database is active,
 * and returns how long that took in ms: a ceiling measured beside Postgres work would flatter the ratio.
 */
export async function waitForQuietPostgres(admin: pg.Client, dbName: string): Promise<number> {
  const since = performance.now();
  for (let busy = true; busy && performance.now() - since < 120_000; ) {
    const { rows } = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' OR (datname = $1 AND state = 'active')",
      [dbName],
    );
    busy = (rows[0] as { n: number }).n > 0;
    if (busy) await sleep(200);
  }
  return Math.round(performance.now() - since);
}
