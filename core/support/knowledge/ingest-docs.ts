import type { Logger } from "pino";
import type { DbClient } from "../../platform/db-client.ts";
import { type DocChunk, embeddingText } from "./chunk-markdown.ts";
import { collectSupportChunks, type KnowledgeSourceOptions } from "./collect-sources.ts";
import type { SupportEmbedder } from "./embedder.ts";

export interface IngestDeps {
  prisma: DbClient;
  /** Null: chunks are stored without embeddings, and nothing calls the network. */
  embedder: SupportEmbedder | null;
  logger: Logger;
}

export interface IngestResult {
  chunks: number;
  /** Rows written because they are new or their text changed. */
  written: number;
  deleted: number;
  /** Texts sent to the embedding model. */
  embedded: number;
  /** Embeddings reused from a row with the same hash (a section that only moved). */
  reused: number;
  /** Set when the embedding model failed: the text is stored all the same (BM25 works), embedded next run. */
  embeddingError?: string;
}

type Row = { id: string; source: string; position: number; contentHash: string; embeddingModel: string | null };

const key = (c: { source: string; position: number }) => `${c.source}#${c.position}`;

/**
 * Brings `SupportChunk` in line with the docs: new and changed chunks are written, chunks whose source or
 * position went away are deleted, and only chunks without an embedding of the current model are embedded — a
 * second run with nothing changed writes nothing and calls nothing. Running it twice at once (two workers
 * starting) is harmless: writes are upserts on (source, position); at worst a chunk is embedded twice.
 */
export async function ingestDocs(opts: KnowledgeSourceOptions, deps: IngestDeps): Promise<IngestResult> {
  const chunks = await collectSupportChunks(opts);
  return ingestChunks(chunks, deps);
}

export async function ingestChunks(chunks: DocChunk[], deps: IngestDeps): Promise<IngestResult> {
  const { prisma, embedder } = deps;
  const rows: Row[] = await prisma.supportChunk.findMany({
    select: { id: true, source: true, position: true, contentHash: true, embeddingModel: true },
  });
  const existing = new Map(rows.map((r) => [key(r), r]));
  const wanted = new Set(chunks.map(key));
  const gone = rows.filter((r) => !wanted.has(key(r)));
  const changed = chunks.filter((c) => existing.get(key(c))?.contentHash !== c.contentHash);
  const unembedded = embedder
    ? chunks.filter((c) => {
        const row = existing.get(key(c));
        return row?.contentHash === c.contentHash && row.embeddingModel !== embedder.model;
      })
    : [];
  const result: IngestResult = { chunks: chunks.length, written: 0, deleted: 0, embedded: 0, reused: 0 };
  if (gone.length === 0 && changed.length === 0 && unembedded.length === 0) return result;

  const vectors = new Map<string, number[]>();
  if (embedder) {
    const needing = [...changed, ...unembedded];
    // A chunk that only moved (a section inserted above it) has a row with its hash: its embedding is reused.
    const known = await prisma.supportChunk.findMany({
      where: { contentHash: { in: [...new Set(needing.map((c) => c.contentHash))] }, embeddingModel: embedder.model },
      select: { contentHash: true, embedding: true },
    });
    for (const k of known) if (k.embedding.length > 0) vectors.set(k.contentHash, k.embedding);
    result.reused = needing.filter((c) => vectors.has(c.contentHash)).length;
    const toEmbed = [
      ...new Map(needing.filter((c) => !vectors.has(c.contentHash)).map((c) => [c.contentHash, c])).values(),
    ];
    if (toEmbed.length > 0) {
      try {
        const embedded = await embedder.embedDocuments(toEmbed.map(embeddingText));
        toEmbed.forEach((c, i) => {
          const v = embedded[i];
          if (v && v.length > 0) vectors.set(c.contentHash, v);
        });
        result.embedded = toEmbed.length;
      } catch (err) {
        result.embeddingError = (err as Error).message;
        deps.logger.warn({ err: result.embeddingError, chunks: toEmbed.length }, "support: embedding failed");
      }
    }
  }

  const embeddingOf = (c: DocChunk) => {
    const v = embedder ? vectors.get(c.contentHash) : undefined;
    return v ? { embedding: v, embeddingModel: embedder?.model ?? null } : { embedding: [], embeddingModel: null };
  };
  await prisma.$transaction([
    prisma.supportChunk.deleteMany({ where: { id: { in: gone.map((r) => r.id) } } }),
    ...changed.map((c) => {
      const data = {
        heading: c.heading,
        anchor: c.anchor,
        content: c.content,
        contentHash: c.contentHash,
        ...embeddingOf(c),
      };
      return prisma.supportChunk.upsert({
        where: { source_position: { source: c.source, position: c.position } },
        create: { source: c.source, position: c.position, ...data },
        update: data,
      });
    }),
    ...unembedded
      .filter((c) => vectors.has(c.contentHash))
      .map((c) =>
        prisma.supportChunk.update({
          where: { source_position: { source: c.source, position: c.position } },
          data: embeddingOf(c),
        }),
      ),
  ]);
  result.written = changed.length;
  result.deleted = gone.length;
  deps.logger.info({ ...result }, "support: knowledge base ingested");
  return result;
}
