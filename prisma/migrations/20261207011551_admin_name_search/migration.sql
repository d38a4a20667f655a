-- pg_trgm ships with Postgres (contrib; trusted since 13, so the database's owner may create it) and with PGlite
-- (loaded in core/platform/db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "User_displayName_trgm_idx" ON "User" USING GIN ("displayName" gin_trgm_ops);
