import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaFilter } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { overrideAdapter } from "./adapter-overrides.ts";
import { readMigrationsDir } from "./migrations-dir.ts";
import { throwawayPgliteAdapterFactory } from "./pglite-adapter.ts";

// Prisma's schema engine compiled to wasm: it migrates through a JS driver adapter, so no native binary has to be
// downloaded, and it keeps Prisma's _prisma_migrations bookkeeping, so `prisma migrate deploy` stays usable.

const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

let loaded: Promise<void> | undefined;

// The package's entry imports the .wasm as an ES module, which Node cannot do; wire the bindings by hand instead,
// exactly as that entry would.
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return loaded;
}

/**
 * Runs `fn` on an engine bound to `adapterFactory`, then releases everything. The engine disposes shadow databases
 * but never its main connection, so adapters still open afterwards are disposed here.
 */
async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaPath: string,
  fn: (engine: bindings.SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const schema = await readFile(schemaPath, "utf8");
  const open = new Set<SqlDriverAdapter>();
  const track = async (connect: () => Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> => {
    const adapter = await connect();
    const tracked = overrideAdapter(adapter, {
      dispose: async () => {
        if (open.delete(tracked)) await adapter.dispose();
      },
    });
    open.add(tracked);
    return tracked;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: () => track(() => adapterFactory.connect()),
    connectToShadowDb: () => track(() => adapterFactory.connectToShadowDb()),
  });
  let engine: bindings.SchemaEngine | undefined;
  try {
    // The callback receives the engine's tracing as JSON lines; failures arrive as rejections, so it is not needed.
    engine = await bindings.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, factory);
    return await fn(engine, schema);
  } finally {
    engine?.free();
    await Promise.all([...open].map((adapter) => adapter.dispose()));
  }
}

/** Applies the migrations in `migrationsDir` that the database has not recorded yet; returns their names. */
export async function applyMigrations(opts: {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  migrationsDir: string;
  schemaPath: string;
}): Promise<string[]> {
  const migrationsList = await readMigrationsDir(opts.migrationsDir);
  return withEngine(opts.adapterFactory, opts.schemaPath, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database built by `migrationsDir` to the state `schemaPath` describes, or null when they
 * already agree. Migrations are replayed on throwaway in-memory PGlite databases, so no server is needed.
 */
export async function diffMigrationsToSchema(opts: {
  migrationsDir: string;
  schemaPath: string;
}): Promise<string | null> {
  const migrationsList = await readMigrationsDir(opts.migrationsDir);
  return withEngine(throwawayPgliteAdapterFactory(), opts.schemaPath, async (engine, schema) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: opts.schemaPath, content: schema }] },
      script: true,
      // Makes the engine report a non-empty diff as exit code 2 instead of us parsing its "empty migration" comment.
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 0 ? null : (result.stdout ?? "");
  });
}
