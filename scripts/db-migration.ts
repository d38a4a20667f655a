// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes
// the existing migrations to schema.prisma. Replays migrations on in-memory PGlite, so no database server is needed.
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { lockfileContent, lockfileName } from "../core/platform/db/migrations-dir.ts";
import { migrationsDir, schemaPath } from "../core/platform/db/paths.ts";
import { diffMigrationsToSchema } from "../core/platform/db/schema-engine.ts";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

// The engine refuses a migrations directory without a lockfile, which is the state before the first migration.
const lockfile = path.join(migrationsDir, lockfileName);
await access(lockfile).catch(async () => {
  await mkdir(migrationsDir, { recursive: true });
  await writeFile(lockfile, lockfileContent);
});

const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
if (sql === null) {
  console.log("no changes: prisma/migrations already matches schema.prisma");
} else {
  // Prisma's own naming (UTC, to the second), so the directories sort in creation order for both Prisma and us.
  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${timestamp}_${name}`);
  await mkdir(dir);
  await writeFile(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql; review it before applying`);
}
