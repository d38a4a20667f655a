import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";

const PG = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * A benchmark's own Postgres database and queue prefix on the machine's servers, and their removal: a run
 * leaves nothing behind, whatever happened in it.
 */
export async function createBenchState() {
  const dbName = `mimic_bench_${randomBytes(4).toString("hex")}`;
  const prefix = `mimic-bench-${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG);
  url.pathname = `/${dbName}`;
  return {
    databaseUrl: url.toString(),
    dbName,
    prefix,
    /** A connection to the server's maintenance database, for statistics about the run's database. */
    admin,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
