import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { Env } from "../../platform/config.ts";
import type { Db } from "../../platform/db/create-db.ts";
import { type RetrievalMode, type RetrievedChunk, retrieve } from "../retrieve.ts";
import { createDbCorpusSource } from "./db-corpus-source.ts";
import { createOpenAIEmbedder, type SupportEmbedder } from "./embedder.ts";
import { type IngestResult, ingestDocs } from "./ingest-docs.ts";
import { detectPgvector, type VectorSearch } from "./pgvector-search.ts";

// Resolved from this file, not process.cwd(), so every entry point reads the same docs/.
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface SupportKnowledgeOptions {
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  embeddingModel: string;
  rootDir?: string;
  refreshMs?: number;
}

export interface SupportKnowledge {
  /** "embeddings" when a key is configured (questions fall back to BM25 until the chunks are embedded). */
  readonly mode: RetrievalMode;
  retrieve(input: { question: string; k?: number }): Promise<RetrievedChunk[]>;
  /** Ingests docs/ now; the cache of this process sees the result at once. */
  ingest(): Promise<IngestResult>;
}

/**
 * The knowledge base of one process: the embedder (none without a key), the cached corpus and, where the
 * database has pgvector, the vector search. Build it from the parsed env in an entry point.
 */
export function createSupportKnowledge(
  opts: SupportKnowledgeOptions,
  deps: { db: Pick<Db, "prisma" | "sql">; logger: Logger; embedder?: SupportEmbedder | null },
): SupportKnowledge {
  const embedder =
    deps.embedder !== undefined
      ? deps.embedder
      : createOpenAIEmbedder({ apiKey: opts.openaiApiKey, baseURL: opts.openaiBaseUrl, model: opts.embeddingModel });
  const corpus = createDbCorpusSource({ refreshMs: opts.refreshMs }, { prisma: deps.db.prisma });
  let vectorSearch: Promise<VectorSearch | null> | undefined;
  const findVectorSearch = () => {
    vectorSearch ??= detectPgvector(deps.db.sql).catch((err: Error) => {
      deps.logger.warn({ err: err.message }, "support: pgvector check failed, cosine in process");
      return null;
    });
    return vectorSearch;
  };
  return {
    mode: embedder ? "embeddings" : "bm25",
    async retrieve(input) {
      return retrieve(input, {
        corpus,
        embedder,
        vectorSearch: embedder ? await findVectorSearch() : null,
        logger: deps.logger,
      });
    },
    async ingest() {
      const result = await ingestDocs(
        { rootDir: opts.rootDir ?? repoRoot },
        { prisma: deps.db.prisma, embedder, logger: deps.logger },
      );
      corpus.invalidate();
      return result;
    },
  };
}

/**
 * Start-up ingestion: cheap when nothing changed (one query of hashes against the docs as chunked now), and never
 * fatal: a process that cannot embed still starts, and support answers from keywords.
 */
export async function ingestAtStartup(knowledge: SupportKnowledge, logger: Logger): Promise<void> {
  try {
    await knowledge.ingest();
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "support: ingestion at start-up failed");
  }
}

/** The options from the parsed environment (entry points only). */
export const supportKnowledgeOptions = (env: Env): SupportKnowledgeOptions => ({
  openaiApiKey: env.OPENAI_API_KEY,
  openaiBaseUrl: env.OPENAI_BASE_URL,
  embeddingModel: env.OPENAI_EMBEDDING_MODEL,
});
