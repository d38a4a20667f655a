import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaClient } from "../../../generated/prisma/client.ts";
import type { DbClient } from "../db-client.ts";
import type { Sql } from "../sql.ts";
import { createInMemoryPglite } from "./in-memory-pglite.ts";
import { migrationsDir, schemaPath } from "./paths.ts";
import { pgMigrationAdapterFactory } from "./pg-migration-adapter.ts";
import { pgliteAdapterFactory } from "./pglite-adapter.ts";
import { pgliteExtensions } from "./pglite-extensions.ts";
import { applyMigrations } from "./schema-engine.ts";

export type { DbClient } from "../db-client.ts";

export interface Db {
  prisma: DbClient;
  /** Plain SQL on Prisma's connections, for the hot path only (see sql.ts). */
  sql: Sql;
  kind: "postgres" | "pglite";
  /** Applies pending migrations from prisma/migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Postgres connection string; without it the database is PGlite, embedded in this process. */
  databaseUrl?: string;
  /** PGlite lives in `${dataDir}/pglite`; "memory://" keeps it in memory, gone on close. */
  dataDir: string;
  /** Postgres pool size. */
  poolMax?: number;
  logger?: { info(obj: object, msg?: string): void };
}

export const inMemoryDataDir = "memory://";

export async function createDb(opts: CreateDbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const databaseUrl = opts.databaseUrl;
    // Idle connections are kept: reconnecting costs a burst of signal traffic tens of milliseconds.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolMax ?? 10, idleTimeoutMillis: 0 });
    // A connection the server closed while idle is dropped from the pool; the next query opens another.
    pool.on("error", (err) => opts.logger?.info({ err: err.message }, "idle database connection dropped"));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    opts.logger?.info({ kind: "postgres", poolMax: opts.poolMax ?? 10 }, "database configured");
    const sql: Sql = { query: async (text, values) => (await pool.query(text, [...values])).rows };
    // The engine gets its own single connection, closed after each run, so migrating never holds a pool slot.
    return buildDb(
      "postgres",
      prisma,
      sql,
      () => pgMigrationAdapterFactory(databaseUrl),
      () => pool.end(),
    );
  }

  let pglite: PGlite;
  if (opts.dataDir === inMemoryDataDir) {
    pglite = await createInMemoryPglite();
  } else {
    const dir = path.resolve(opts.dataDir, "pglite");
    await mkdir(dir, { recursive: true });
    pglite = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions });
  }
  opts.logger?.info({ kind: "pglite", dataDir: opts.dataDir }, "database opened");
  // Prisma and the schema engine share the one PGlite instance: it is single-connection, and owned here.
  const adapter = pgliteAdapterFactory(pglite);
  const sql: Sql = { query: async (text, values) => (await pglite.query(text, [...values])).rows as never[] };
  return buildDb(
    "pglite",
    new PrismaClient({ adapter }),
    sql,
    () => adapter,
    () => pglite.close(),
  );
}

function buildDb(
  kind: Db["kind"],
  prisma: DbClient,
  sql: Sql,
  migrationAdapter: () => SqlMigrationAwareDriverAdapterFactory,
  closeDriver: () => Promise<void>,
): Db {
  let closing: Promise<void> | undefined;
  return {
    prisma,
    sql,
    kind,
    migrate: () => applyMigrations({ adapterFactory: migrationAdapter(), migrationsDir, schemaPath }),
    async ping() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
    // Runtime shutdown and test teardown may both close; the second call waits for the first.
    close() {
      closing ??= prisma.$disconnect().then(closeDriver);
      return closing;
    },
  };
}
