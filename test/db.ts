import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db, inMemoryDataDir } from "../core/platform/db/create-db.ts";

// Tests get a database of their own so they can run in parallel and leave nothing behind.
const adminUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated Postgres database named mimic_test_<random>; drop() closes its clients and removes it. */
export async function createTestDatabase(): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const name = `mimic_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await asAdmin(`CREATE DATABASE "${name}"`);
  let db: Db | undefined;
  const drop = async () => {
    await db?.close();
    // FORCE: a client the test forgot to close must not keep the database alive.
    await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  try {
    db = await createDb({ databaseUrl: url.toString(), dataDir: inMemoryDataDir, poolMax: 5 });
    await db.migrate();
    return { url: url.toString(), db, drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

/** A fresh, migrated PGlite database in memory: no server needed; close() discards it. */
export async function createPgliteTestDb(): Promise<Db> {
  const db = await createDb({ dataDir: inMemoryDataDir });
  try {
    await db.migrate();
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
