import type { Sql } from "../../platform/sql.ts";

/** The best chunks for a query vector, computed by the database. */
export type VectorSearch = (
  vector: number[],
  model: string,
  k: number,
) => Promise<Array<{ id: string; score: number }>>;

/**
 * pgvector's cosine distance over `SupportChunk.embedding` (a float8[] cast to `vector` in the query, so the
 * schema does not depend on the extension), where the database has the extension; null where it does not (our
 * Postgres 15, PGlite without its vector extension), and retrieval computes the similarity in process.
 */
export async function detectPgvector(sql: Sql): Promise<VectorSearch | null> {
  const installed = await sql.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'", []);
  if (installed.length === 0) {
    const available = await sql.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'", []);
    if (available.length === 0) return null;
    try {
      await sql.query("CREATE EXTENSION IF NOT EXISTS vector", []);
    } catch {
      // Listed but not ours to create (no privilege, or a PGlite built without it): in process it is.
      return null;
    }
  }
  return async (vector, model, k) => {
    const rows = await sql.query<{ id: string; distance: number | string }>(
      `SELECT id, embedding::vector <=> $1::vector AS distance FROM "SupportChunk"
        WHERE "embeddingModel" = $2 AND cardinality(embedding) = $3
        ORDER BY distance LIMIT $4`,
      [`[${vector.join(",")}]`, model, vector.length, k],
    );
    return rows.map((r) => ({ id: r.id, score: 1 - Number(r.distance) }));
  };
}
