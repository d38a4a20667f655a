import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteTestDb, createTestDatabase } from "../../../test/db.ts";
import type { Sql } from "../../platform/sql.ts";
import { cosineSimilarity } from "./cosine.ts";
import { detectPgvector } from "./pgvector-search.ts";

describe("pgvector search", () => {
  let pglite: PGlite;
  let sql: Sql;
  beforeAll(async () => {
    pglite = await PGlite.create({ extensions: { vector } });
    sql = { query: async (text, values) => (await pglite.query(text, [...values])).rows as never[] };
    // The columns the search reads, as the migration makes them: the embedding is a plain float8[].
    await pglite.exec(
      `CREATE TABLE "SupportChunk" (id TEXT PRIMARY KEY, embedding DOUBLE PRECISION[], "embeddingModel" TEXT)`,
    );
    await pglite.exec(`INSERT INTO "SupportChunk" VALUES
      ('east', '{1,0,0}', 'm'), ('north-east', '{1,1,0}', 'm'), ('up', '{0,0,1}', 'm'),
      ('other-model', '{1,0,0}', 'x'), ('not-embedded', '{}', NULL)`);
  });
  afterAll(() => pglite.close());

  it("ranks by cosine similarity in the database where the vector extension is there", async () => {
    const search = await detectPgvector(sql);
    expect(search).not.toBeNull();
    const hits = await search?.([2, 0.1, 0], "m", 2);
    expect(hits?.map((h) => h.id)).toEqual(["east", "north-east"]);
    expect(hits?.[0]?.score).toBeCloseTo(cosineSimilarity([2, 0.1, 0], [1, 0, 0]), 5);
  });

  it("is used on the embedded database, which loads the extension (core/platform/db/pglite-extensions.ts)", async () => {
    const db = await createPgliteTestDb();
    try {
      expect(await detectPgvector(db.sql)).not.toBeNull();
    } finally {
      await db.close();
    }
  });

  it("is not used on a Postgres without pgvector installed", async () => {
    const t = await createTestDatabase();
    try {
      const available = await t.db.sql.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'", []);
      if (available.length === 0) expect(await detectPgvector(t.db.sql)).toBeNull();
    } finally {
      await t.drop();
    }
  });
});
