import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteTestDb, createTestDatabase } from "../../../test/db.ts";
import type { Db } from "./create-db.ts";
import { migrationsDir } from "./paths.ts";

const migrationNames = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe.each([
  ["postgres", async () => createTestDatabase()],
  [
    "pglite",
    async () => {
      const db = await createPgliteTestDb();
      return { db, drop: () => db.close() };
    },
  ],
] as const)("createDb (%s)", (kind, open) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await open());
  });
  afterAll(async () => {
    await drop?.();
  });

  it("is the expected kind and answers pings", async () => {
    expect(db.kind).toBe(kind);
    expect(await db.ping()).toBe(true);
  });

  it("records every migration as finished, in Prisma's own table", async () => {
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await db.migrate()).toEqual([]);
  });

  it("stores and reads back a user", async () => {
    const created = await db.prisma.user.create({ data: { displayName: "Ada", telegramId: `tg-${kind}` } });
    const read = await db.prisma.user.findUniqueOrThrow({ where: { telegramId: `tg-${kind}` } });
    expect(read).toEqual(created);
  });

  it("keeps all 18 decimal places of a money column", async () => {
    const user = await db.prisma.user.create({ data: {} });
    const account = await db.prisma.exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
    const wallet = "123456789012345678.123456789012345678";
    await db.prisma.paperBalance.create({ data: { accountId: account.id, wallet } });
    const read = await db.prisma.paperBalance.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(read.wallet.toFixed(18)).toBe(wallet);
  });

  it("runs interactive transactions and rolls them back on error", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { telegramId: `rollback-${kind}` } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.prisma.user.count({ where: { telegramId: `rollback-${kind}` } })).toBe(0);
  });
});
