import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { overrideAdapter, toDriverAdapterError } from "./adapter-overrides.ts";

/**
 * @prisma/adapter-pg as the schema engine needs it for applying migrations:
 * - one connection: the engine runs its queries one at a time, and holds a session-level advisory lock it never
 *   releases until the pool ends (schema-engine.ts disposes adapters after each run);
 * - executeScript sends the whole migration as one simple-protocol query (what Prisma's native engine does): the
 *   adapter's own splits the script on every ";", breaking string literals and DO blocks, and runs the pieces
 *   outside any transaction.
 * No shadow database: adapter-pg 7.10 cannot describe a Postgres schema (it rejects catalog columns of type "char"),
 * so diffs run on PGlite instead (see schema-engine.ts).
 */
export function pgMigrationAdapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg({ connectionString, max: 1 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      const pool = adapter.underlyingDriver();
      return overrideAdapter(adapter, {
        executeScript: async (script) => {
          try {
            await pool.query(script);
          } catch (err) {
            throw toDriverAdapterError(err);
          }
        },
      });
    },
    connectToShadowDb: () =>
      Promise.reject(new Error("Mimic diffs schemas on PGlite; a Postgres shadow database is not supported")),
  };
}
