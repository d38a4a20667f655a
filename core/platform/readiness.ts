import { readdir } from "node:fs/promises";
import type { Sql } from "./sql.ts";

export interface Readiness {
  ready: boolean;
  db: "ok" | "down";
  queue: "ok" | "down";
  migrations: "applied" | "pending" | "unknown";
}

/**
 * Whether this process should take traffic: the database and the queue answer, and every migration in
 * prisma/migrations is applied (a process started with RUN_MIGRATIONS=false waits for `npm run db:migrate`).
 * Once all are applied that is remembered: migrations are never un-applied under a running process.
 */
export function createReadiness(deps: {
  sql: Sql;
  dbPing: () => Promise<boolean>;
  queuePing: () => Promise<boolean>;
  migrationsDir: string;
}): () => Promise<Readiness> {
  let applied = false;
  let expected: Promise<string[]> | undefined;
  const migrationsApplied = async (): Promise<boolean> => {
    if (applied) return true;
    expected ??= readdir(deps.migrationsDir, { withFileTypes: true }).then((entries) =>
      entries.filter((e) => e.isDirectory()).map((e) => e.name),
    );
    const rows = await deps.sql.query<{ name: string }>(
      `SELECT "migration_name" AS "name" FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      [],
    );
    const done = new Set(rows.map((r) => r.name));
    applied = (await expected).every((name) => done.has(name));
    return applied;
  };
  return async () => {
    const [db, queue] = await Promise.all([deps.dbPing(), deps.queuePing()]);
    // A database without the migrations table has none applied; one that does not answer cannot say.
    const migrations = db
      ? await migrationsApplied().catch((err: { code?: string }) => (err.code === "42P01" ? false : undefined))
      : undefined;
    return {
      ready: db && queue && migrations === true,
      db: db ? "ok" : "down",
      queue: queue ? "ok" : "down",
      migrations: migrations === undefined ? "unknown" : migrations ? "applied" : "pending",
    };
  };
}
