import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { overrideAdapter, toDriverAdapterError } from "./adapter-overrides.ts";
import { createInMemoryPglite } from "./in-memory-pglite.ts";

/**
 * pglite-prisma-adapter 0.7.2 with two fixes the schema engine needs:
 * - its executeScript does not await PGlite's exec, so a failing migration is recorded as applied and its error
 *   surfaces as an unhandled rejection;
 * - its shadow database is an in-memory PGlite that is never closed.
 */
export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(client);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    // The caller owns `client`: disposing the adapter must not close it.
    connect: async () => withAwaitedScripts(await inner.connect(), client),
    connectToShadowDb: connectToThrowawayPglite,
  };
}

/** Main and shadow database both in memory and closed on dispose: for diffs that must not touch a real database. */
export function throwawayPgliteAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: connectToThrowawayPglite,
    connectToShadowDb: connectToThrowawayPglite,
  };
}

async function connectToThrowawayPglite(): Promise<SqlDriverAdapter> {
  const client = await createInMemoryPglite();
  const adapter = withAwaitedScripts(await new PrismaPGlite(client).connect(), client);
  return overrideAdapter(adapter, { dispose: () => client.close() });
}

function withAwaitedScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  return overrideAdapter(adapter, {
    executeScript: async (script) => {
      try {
        await client.exec(script);
      } catch (err) {
        throw toDriverAdapterError(err);
      }
    },
  });
}
