import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "./pglite-extensions.ts";

// initdb dominates PGlite's startup (seconds); loading a snapshot of a freshly initialised cluster takes about a
// second. The snapshot is taken once per process, before anything is written to it.
let template: Promise<Blob> | undefined;

/** A new, empty, in-memory PGlite database. */
export async function createInMemoryPglite(): Promise<PGlite> {
  if (!template) {
    const first = PGlite.create({ extensions: pgliteExtensions });
    template = first.then((db) => db.dumpDataDir("none"));
    template.catch(() => {
      template = undefined;
    });
    await template;
    return first;
  }
  return PGlite.create({ loadDataDir: await template, extensions: pgliteExtensions });
}
