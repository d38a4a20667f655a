// npm run db:migrate: applies pending prisma/migrations to DATABASE_URL, or to the PGlite database under DATA_DIR
// when DATABASE_URL is unset (stop the app first: PGlite allows one process at a time).
import { createDb } from "../core/platform/db/create-db.ts";

const db = await createDb({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || ".data",
});
try {
  const started = performance.now();
  const applied = await db.migrate();
  const ms = Math.round(performance.now() - started);
  const where = db.kind === "postgres" ? "postgres" : `pglite in ${process.env.DATA_DIR || ".data"}`;
  if (applied.length === 0) console.log(`${where}: up to date (${ms} ms)`);
  else console.log(`${where}: applied ${applied.join(", ")} (${ms} ms)`);
} finally {
  await db.close();
}
