import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite/vector";

/**
 * The extensions an embedded database loads, as a server Postgres has them from its packages: pg_trgm for the admin
 * page's name search (a trigram index, migration admin_name_search) and pgvector for the support bot's retrieval.
 * Loading one only makes `CREATE EXTENSION` possible; the migrations and the support code create them.
 */
export const pgliteExtensions = { pg_trgm, vector };
