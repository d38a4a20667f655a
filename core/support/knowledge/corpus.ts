import { type Bm25Index, buildBm25 } from "./bm25.ts";

/** A chunk as retrieval holds it in memory. */
export interface CorpusChunk {
  id: string;
  source: string;
  heading: string;
  anchor: string;
  position: number;
  content: string;
  /** Null when the chunk has no embedding (no API key, or its embedding failed). */
  embedding: number[] | null;
  embeddingModel: string | null;
}

export interface Corpus {
  chunks: CorpusChunk[];
  byId: Map<string, CorpusChunk>;
  bm25: Bm25Index;
  /** Whether every chunk has an embedding from `model`: only then is a cosine ranking complete. */
  embeddedWith(model: string): boolean;
}

/** Where retrieval gets its corpus from: the database (cached) in the product, a fixed list in the eval. */
export interface CorpusSource {
  load(): Promise<Corpus>;
  /** Drops what is cached: the next load reads the chunks again (after an ingestion in this process). */
  invalidate(): void;
}

// A section's own heading says what it is about more plainly than any sentence under it: it counts twice.
const bm25Text = (c: CorpusChunk) => `${c.heading.split(" > ").at(-1) ?? ""} ${c.heading} ${c.content}`;

export function buildCorpus(chunks: CorpusChunk[]): Corpus {
  const sorted = [...chunks].sort((a, b) => a.source.localeCompare(b.source) || a.position - b.position);
  return {
    chunks: sorted,
    byId: new Map(sorted.map((c) => [c.id, c])),
    bm25: buildBm25(sorted.map(bm25Text)),
    embeddedWith: (model) =>
      sorted.length > 0 && sorted.every((c) => c.embeddingModel === model && (c.embedding?.length ?? 0) > 0),
  };
}

export function staticCorpusSource(chunks: CorpusChunk[]): CorpusSource {
  const corpus = buildCorpus(chunks);
  return { load: async () => corpus, invalidate: () => {} };
}
