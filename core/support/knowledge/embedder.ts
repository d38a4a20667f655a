import type { OpenAIEmbeddings } from "@langchain/openai";

/** What ingestion and retrieval need from an embedding model. */
export interface SupportEmbedder {
  readonly model: string;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

export interface OpenAIEmbedderOptions {
  /** Without a key there is no embedder at all: retrieval is BM25 and nothing calls the network. */
  apiKey?: string;
  /** Any OpenAI-compatible server; OpenAI's own when unset. */
  baseURL?: string;
  model: string;
  /** Per request; a question should not wait long for its embedding (retrieval falls back to BM25). */
  timeoutMs?: number;
  maxRetries?: number;
}

export function createOpenAIEmbedder(opts: OpenAIEmbedderOptions): SupportEmbedder | null {
  if (!opts.apiKey) return null;
  const apiKey = opts.apiKey;
  // Loaded on first use: a process without a key never pays for the SDK (about 20 MB of heap).
  let client: Promise<OpenAIEmbeddings> | undefined;
  const embeddings = () => {
    client ??= import("@langchain/openai").then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          apiKey,
          model: opts.model,
          configuration: opts.baseURL ? { baseURL: opts.baseURL } : {},
          timeout: opts.timeoutMs ?? 15_000,
          maxRetries: opts.maxRetries ?? 2,
        }),
    );
    return client;
  };
  return {
    model: opts.model,
    embedDocuments: async (texts) => (await embeddings()).embedDocuments(texts),
    embedQuery: async (text) => (await embeddings()).embedQuery(text),
  };
}
