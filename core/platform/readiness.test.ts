import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadiness } from "./readiness.ts";
import type { Sql } from "./sql.ts";

describe("readiness", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "mimic-migrations-"));
    for (const name of ["20260101_init", "20260102_more"]) await mkdir(path.join(dir, name));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is not ready until every migration is applied, and the database and queue answer", async () => {
    let applied: string[] | "no table" = "no table";
    let queueUp = true;
    let reads = 0;
    const sql: Sql = {
      async query<T>() {
        reads++;
        if (applied === "no table") throw Object.assign(new Error("relation does not exist"), { code: "42P01" });
        return applied.map((name) => ({ name })) as T[];
      },
    };
    const ready = createReadiness({
      sql,
      dbPing: async () => true,
      queuePing: async () => queueUp,
      migrationsDir: dir,
    });
    expect(await ready()).toEqual({ ready: false, db: "ok", queue: "ok", migrations: "pending" });
    applied = ["20260101_init"];
    expect((await ready()).migrations).toBe("pending");
    applied = ["20260101_init", "20260102_more"];
    expect(await ready()).toEqual({ ready: true, db: "ok", queue: "ok", migrations: "applied" });
    // Applied stays applied: no more reads of the table.
    const before = reads;
    queueUp = false;
    expect(await ready()).toEqual({ ready: false, db: "ok", queue: "down", migrations: "applied" });
    expect(reads).toBe(before);
  });
});
