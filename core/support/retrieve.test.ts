import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteTestDb } from "../../test/db.ts";
import { type FakeOpenAI, fakeEmbedding, startFakeOpenAI } from "../../test/fake-openai/start-fake-openai.ts";
import type { Db } from "../platform/db/create-db.ts";
import { createLogger } from "../platform/logger.ts";
import { embeddingText } from "./knowledge/chunk-markdown.ts";
import { collectSupportChunks } from "./knowledge/collect-sources.ts";
import { staticCorpusSource } from "./knowledge/corpus.ts";
import { cosineSimilarity } from "./knowledge/cosine.ts";
import { createOpenAIEmbedder } from "./knowledge/embedder.ts";
import { createSupportKnowledge, repoRoot } from "./knowledge/support-knowledge.ts";
import { retrieve } from "./retrieve.ts";

const logger = createLogger({ level: "silent" });
const BINANCE = { source: "docs/faq.md", anchor: "how-do-i-link-my-binance-account" };

describe("retrieve with BM25 (no API key)", () => {
  it("finds the Binance linking section for 'how do I link binance'", async () => {
    const chunks = await collectSupportChunks({ rootDir: repoRoot });
    const corpus = staticCorpusSource(
      chunks.map((c) => ({ ...c, id: c.contentHash, embedding: null, embeddingModel: null })),
    );
    const [top, ...rest] = await retrieve({ question: "how do I link binance", k: 3 }, { corpus });
    expect(top).toMatchObject({ ...BINANCE, retrieval: "bm25" });
    expect(top?.heading).toBe("Frequently asked questions > How do I link my Binance account?");
    expect(rest.length).toBe(2);
    expect(top?.score).toBeGreaterThan(rest[0]?.score ?? 0);
  });

  it("answers nothing rather than noise when no word matches", async () => {
    const corpus = staticCorpusSource([
      {
        id: "1",
        source: "docs/a.md",
        heading: "A",
        anchor: "a",
        position: 0,
        content: "linking",
        embedding: null,
        embeddingModel: null,
      },
    ]);
    expect(await retrieve({ question: "zzz qqq", k: 3 }, { corpus })).toEqual([]);
    await expect(retrieve({ question: "  ", k: 3 }, { corpus })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("retrieve with a vector search", () => {
  it("ranks by the database's similarity and returns the cached chunks' text", async () => {
    const chunk = (id: string) => ({
      id,
      source: "docs/a.md",
      heading: `A > ${id}`,
      anchor: id,
      position: Number(id.length),
      content: `text of ${id}`,
      embedding: [1, 0],
      embeddingModel: "m",
    });
    const corpus = staticCorpusSource([chunk("x"), chunk("yy")]);
    const embedder = { model: "m", embedQuery: async () => [0, 1], embedDocuments: async () => [] };
    const vectorSearch = async (_v: number[], model: string, k: number) =>
      model === "m"
        ? [
            { id: "yy", score: 0.9 },
            { id: "gone", score: 0.8 },
            { id: "x", score: 0.1 },
          ].slice(0, k)
        : [];
    const hits = await retrieve({ question: "q", k: 3 }, { corpus, embedder, vectorSearch });
    expect(hits).toEqual([
      {
        source: "docs/a.md",
        heading: "A > yy",
        anchor: "yy",
        content: "text of yy",
        score: 0.9,
        retrieval: "embeddings",
      },
      { source: "docs/a.md", heading: "A > x", anchor: "x", content: "text of x", score: 0.1, retrieval: "embeddings" },
    ]);
  });
});

describe("the knowledge base on a database", () => {
  let fake: FakeOpenAI;
  let db: Db;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    db = await createPgliteTestDb();
  });
  afterAll(async () => {
    await db.close();
    await fake.close();
  });

  it("without a key ingests and answers by BM25, and the fake OpenAI sees no request at all", async () => {
    const knowledge = createSupportKnowledge(
      { openaiBaseUrl: fake.url, embeddingModel: "text-embedding-3-small" },
      { db, logger },
    );
    expect(knowledge.mode).toBe("bm25");
    await knowledge.ingest();
    const [top] = await knowledge.retrieve({ question: "How do I link my Binance account?" });
    expect(top).toMatchObject({ ...BINANCE, retrieval: "bm25" });
    expect(fake.requests).toEqual([]);
  });

  it("with a key embeds the chunks and answers by cosine similarity against the fake's embeddings", async () => {
    const knowledge = createSupportKnowledge(
      { openaiApiKey: "sk-test", openaiBaseUrl: fake.url, embeddingModel: "text-embedding-3-small", refreshMs: 0 },
      { db, logger },
    );
    expect(knowledge.mode).toBe("embeddings");
    const ingested = await knowledge.ingest();
    expect(ingested.embedded).toBe(ingested.chunks);
    const question = "How do I link my Binance account?";
    const hits = await knowledge.retrieve({ question, k: 3 });
    expect(hits.every((h) => h.retrieval === "embeddings")).toBe(true);
    // The fake's vectors are a hashed bag of words: the Binance section is near the top, and the ranking is
    // exactly the cosine of the fake's vectors for the question and each chunk's embedded text.
    expect(hits.map((h) => `${h.source}#${h.anchor}`)).toContain(`${BINANCE.source}#${BINANCE.anchor}`);
    const q = fakeEmbedding(question);
    const chunks = await collectSupportChunks({ rootDir: repoRoot });
    const best = chunks
      .map((c) => ({ c, score: cosineSimilarity(q, fakeEmbedding(embeddingText(c))) }))
      .sort((a, b) => b.score - a.score)[0];
    expect(hits[0]).toMatchObject({ source: best?.c.source, anchor: best?.c.anchor });
    expect(hits[0]?.score).toBeCloseTo(best?.score ?? 0, 5);
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? 1);
    const query = fake.requests.at(-1)?.body as { input: string[] | string };
    expect(JSON.stringify(query.input)).toContain("How do I link my Binance account?");
  });

  it("falls back to BM25 when the question cannot be embedded", async () => {
    const embedder = createOpenAIEmbedder({
      apiKey: "sk-test",
      baseURL: fake.url,
      model: "text-embedding-3-small",
      maxRetries: 0,
    });
    const knowledge = createSupportKnowledge({ embeddingModel: "text-embedding-3-small" }, { db, logger, embedder });
    fake.failNext({ status: 429, retryAfterSec: 30 }, { on: "embeddings" });
    const [top] = await knowledge.retrieve({ question: "how do I link binance" });
    expect(top).toMatchObject({ ...BINANCE, retrieval: "bm25" });
  });

  it("sees chunks another process ingested once its cache is due a check", async () => {
    const knowledge = createSupportKnowledge({ embeddingModel: "m", refreshMs: 1000 }, { db, logger, embedder: null });
    const seen = async () => (await knowledge.retrieve({ question: "quokka", k: 1 })).length;
    expect(await seen()).toBe(0);
    await db.prisma.supportChunk.create({
      data: {
        source: "docs/zoo.md",
        heading: "Zoo",
        anchor: "zoo",
        position: 0,
        content: "a quokka",
        contentHash: "x",
      },
    });
    // The change check runs at most once per refreshMs; a real clock is fine here: the window is one second.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await seen()).toBe(1);
    await db.prisma.supportChunk.deleteMany({ where: { source: "docs/zoo.md" } });
  });
});
