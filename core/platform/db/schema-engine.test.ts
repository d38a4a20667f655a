import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { createInMemoryPglite } from "./in-memory-pglite.ts";
import { migrationsDir, schemaPath } from "./paths.ts";
import { pgMigrationAdapterFactory } from "./pg-migration-adapter.ts";
import { pgliteAdapterFactory } from "./pglite-adapter.ts";
import { applyMigrations } from "./schema-engine.ts";

// The driver adapters' own executeScript mishandles migrations (see pglite-adapter.ts, pg-migration-adapter.ts);
// these pin the behaviour Mimic relies on, on both backends.

interface Backend {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

const backends: [string, () => Promise<Backend>][] = [
  [
    "postgres",
    async () => {
      const { url, db, drop } = await createTestDatabase();
      return {
        adapterFactory: pgMigrationAdapterFactory(url),
        query: (sql) => db.prisma.$queryRawUnsafe(sql),
        close: drop,
      };
    },
  ],
  [
    "pglite",
    async () => {
      const pglite = await createInMemoryPglite();
      return {
        adapterFactory: pgliteAdapterFactory(pglite),
        query: async (sql) => (await pglite.query(sql)).rows,
        close: () => pglite.close(),
      };
    },
  ],
];

describe.each(backends)("applyMigrations (%s)", (_kind, open) => {
  let backend: Backend;
  let dir: string;

  async function addMigration(name: string, sql: string): Promise<void> {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  const apply = () => applyMigrations({ adapterFactory: backend.adapterFactory, migrationsDir: dir, schemaPath });

  beforeAll(async () => {
    backend = await open();
    dir = await mkdtemp(path.join(tmpdir(), "mimic-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    await apply();
  });
  afterAll(async () => {
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("runs a migration as one script, semicolons in literals and DO blocks included", async () => {
    await addMigration(
      "29990101000000_semicolons",
      `CREATE TABLE probe (note TEXT DEFAULT 'a;b');\nDO $$ BEGIN INSERT INTO probe VALUES ('c;d'); END $$;\nINSERT INTO probe DEFAULT VALUES;\n`,
    );
    expect(await apply()).toEqual(["29990101000000_semicolons"]);
    expect(await backend.query("SELECT note FROM probe ORDER BY note")).toEqual([{ note: "a;b" }, { note: "c;d" }]);
  });

  it("reports a failing migration, leaves it unfinished, and keeps none of its statements", async () => {
    await addMigration("29990102000000_broken", "CREATE TABLE half_done (x INT);\nSELECT no_such_function();\n");
    await expect(apply()).rejects.toThrow(/no_such_function/);
    expect(
      await backend.query(
        "SELECT finished_at FROM _prisma_migrations WHERE migration_name = '29990102000000_broken' AND rolled_back_at IS NULL",
      ),
    ).toEqual([{ finished_at: null }]);
    expect(await backend.query("SELECT to_regclass('half_done') IS NULL AS absent")).toEqual([{ absent: true }]);
  });
});
