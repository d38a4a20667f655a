import type { Logger } from "pino";
import { z } from "zod";
import { AppError } from "../platform/errors.ts";
import type { Corpus, CorpusChunk, CorpusSource } from "./knowledge/corpus.ts";
import { cosineSimilarity } from "./knowledge/cosine.ts";
import type { SupportEmbedder } from "./knowledge/embedder.ts";
import type { VectorSearch } from "./knowledge/pgvector-search.ts";

export type RetrievalMode = "bm25" | "embeddings";

export interface RetrievedChunk {
  /** "docs/faq.md" or "bots:error-advice". */
  source: string;
  /** Heading path, "Frequently asked questions > How do I link my Binance account?". */
  heading: string;
  /** GitHub anchor of the section: cite as `${source}#${anchor}`. */
  anchor: string;
  content: string;
  /** BM25 score (unbounded) or cosine similarity (−1…1), by `retrieval`; comparable within one answer only. */
  score: number;
  retrieval: RetrievalMode;
}

export interface RetrieveDeps {
  corpus: CorpusSource;
  /** Null or absent: BM25 only, and no network call. */
  embedder?: SupportEmbedder | null;
  /** pgvector where the database has it; absent: cosine in process. */
  vectorSearch?: VectorSearch | null;
  logger?: Logger;
}

const retrieveInput = z.object({
  question: z.string().trim().min(1).max(4000),
  k: z.number().int().min(1).max(50).default(5),
});

/**
 * The `k` chunks that best answer a question. Cosine similarity of embeddings when there is an embedder and every
 * chunk is embedded with its model; BM25 otherwise, and also when embedding the question fails (a support
 * answer from keywords beats none).
 */
export async function retrieve(input: { question: string; k?: number }, deps: RetrieveDeps): Promise<RetrievedChunk[]> {
  const parsed = retrieveInput.safeParse(input);
  if (!parsed.success)
    throw new AppError("BAD_REQUEST", `support: ${parsed.error.issues[0]?.message ?? "bad question"}`);
  const { question, k } = parsed.data;
  const corpus = await deps.corpus.load();
  const embedder = deps.embedder;
  if (embedder && corpus.embeddedWith(embedder.model)) {
    try {
      const vector = await embedder.embedQuery(question);
      return await byEmbedding(corpus, vector, embedder.model, k, deps.vectorSearch ?? null);
    } catch (err) {
      deps.logger?.warn({ err: (err as Error).message }, "support: embedding the question failed, using BM25");
    }
  }
  return corpus.bm25.search(question, k).flatMap(({ index, score }) => {
    const c = corpus.chunks[index];
    return c ? [hit(c, score, "bm25")] : [];
  });
}

async function byEmbedding(
  corpus: Corpus,
  vector: number[],
  model: string,
  k: number,
  vectorSearch: VectorSearch | null,
): Promise<RetrievedChunk[]> {
  if (vectorSearch) {
    const rows = await vectorSearch(vector, model, k);
    return rows.flatMap(({ id, score }) => {
      const c = corpus.byId.get(id);
      return c ? [hit(c, score, "embeddings")] : [];
    });
  }
  return corpus.chunks
    .map((c) => ({ c, score: cosineSimilarity(vector, c.embedding ?? []) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map(({ c, score }) => hit(c, score, "embeddings"));
}

const hit = (c: CorpusChunk, score: number, retrieval: RetrievalMode): RetrievedChunk => ({
  source: c.source,
  heading: c.heading,
  anchor: c.anchor,
  content: c.content,
  score,
  retrieval,
});
