// npm run support:ingest: chunks docs/ (and the bots' failure advice) into SupportChunk, embedding what changed
// when OPENAI_API_KEY is set (docs/support.md). Against the PGlite under DATA_DIR, stop the app first.

import { loadEnvOrExit } from "../core/platform/config.ts";
import { createDb } from "../core/platform/db/create-db.ts";
import { createLogger } from "../core/platform/logger.ts";
import { createSupportKnowledge, supportKnowledgeOptions } from "../core/support/knowledge/support-knowledge.ts";

const env = loadEnvOrExit(process.env);
const logger = createLogger({ level: env.LOG_LEVEL, name: "support-ingest" });
const db = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: 2 });
try {
  if (env.RUN_MIGRATIONS) await db.migrate();
  const knowledge = createSupportKnowledge(supportKnowledgeOptions(env), { db, logger });
  const r = await knowledge.ingest();
  console.log(
    `support ingest retrieval=${knowledge.mode} chunks=${r.chunks} written=${r.written} deleted=${r.deleted} embedded=${r.embedded} reused=${r.reused}`,
  );
  if (r.embeddingError) {
    console.error(`embedding failed: ${r.embeddingError} (text stored; run again to embed)`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
