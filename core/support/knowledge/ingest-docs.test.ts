import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPgliteTestDb } from "../../../test/db.ts";
import { type FakeOpenAI, startFakeOpenAI } from "../../../test/fake-openai/start-fake-openai.ts";
import type { Db } from "../../platform/db/create-db.ts";
import { createLogger } from "../../platform/logger.ts";
import { createOpenAIEmbedder } from "./embedder.ts";
import { ingestDocs } from "./ingest-docs.ts";
import { repoRoot } from "./support-knowledge.ts";

const logger = createLogger({ level: "silent" });

const faq = (extra = "") => `# FAQ

## How do I link my Binance account?

Send /link and choose binanceusdm.
${extra}
## What is the slippage cap?

A limit on how far an entry may fill from the signal's price.
`;

describe("ingestDocs", () => {
  let fake: FakeOpenAI;
  let db: Db;
  let root: string;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    db = await createPgliteTestDb();
    root = await mkdtemp(path.join(tmpdir(), "mimic-support-"));
    await mkdir(path.join(root, "docs"));
    await cp(path.join(repoRoot, "locales"), path.join(root, "locales"), { recursive: true });
    await writeFile(path.join(root, "docs/faq.md"), faq());
    await writeFile(path.join(root, "docs/other.md"), "# Other\n\nSomething else.\n");
  });
  afterEach(async () => {
    await db.close();
    await rm(root, { recursive: true, force: true });
  });

  const embedder = () =>
    createOpenAIEmbedder({ apiKey: "sk-test", baseURL: fake.url, model: "text-embedding-3-small", maxRetries: 0 });
  const ingest = (e: ReturnType<typeof embedder>) =>
    ingestDocs({ rootDir: root }, { prisma: db.prisma, embedder: e, logger });

  it("embeds every chunk once; a second run with no change makes no embedding call and writes nothing", async () => {
    const first = await ingest(embedder());
    const rows = await db.prisma.supportChunk.findMany({ orderBy: [{ source: "asc" }, { position: "asc" }] });
    expect(rows.length).toBe(first.chunks);
    expect(first.embedded).toBe(first.chunks);
    expect(rows.every((r) => r.embedding.length === 256 && r.embeddingModel === "text-embedding-3-small")).toBe(true);
    expect(rows.find((r) => r.anchor === "how-do-i-link-my-binance-account")).toMatchObject({
      source: "docs/faq.md",
      heading: "FAQ > How do I link my Binance account?",
    });

    const before = fake.stats();
    const second = await ingest(embedder());
    expect(fake.stats().embeddingCalls).toBe(before.embeddingCalls);
    expect(second).toMatchObject({ written: 0, deleted: 0, embedded: 0 });
    const after = await db.prisma.supportChunk.findMany({ select: { id: true, updatedAt: true } });
    expect(after).toEqual(expect.arrayContaining(rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt }))));
  });

  it("embeds only what changed, reuses the embedding of a section that only moved, and deletes what went away", async () => {
    await ingest(embedder());
    await writeFile(path.join(root, "docs/faq.md"), faq("\n## How do I link Bybit?\n\nSend /link and choose bybit.\n"));
    await rm(path.join(root, "docs/other.md"));
    const before = fake.stats();
    const r = await ingest(embedder());
    // The new section is embedded; "slippage cap" moved one position down and keeps its vector.
    expect(fake.stats().embeddingInputs - before.embeddingInputs).toBe(1);
    expect(r).toMatchObject({ embedded: 1, reused: 1, deleted: 1 });
    const sources = await db.prisma.supportChunk.findMany({
      select: { source: true, anchor: true, embeddingModel: true },
    });
    expect(sources.some((s) => s.source === "docs/other.md")).toBe(false);
    expect(sources.every((s) => s.embeddingModel === "text-embedding-3-small")).toBe(true);
  });

  it("without an API key stores the chunks without embeddings and sends nothing, then embeds them once a key is set", async () => {
    const before = fake.requests.length;
    const r = await ingest(createOpenAIEmbedder({ model: "text-embedding-3-small", baseURL: fake.url }));
    expect(fake.requests.length).toBe(before);
    expect(r.embedded).toBe(0);
    const rows = await db.prisma.supportChunk.findMany();
    expect(rows.length).toBe(r.chunks);
    expect(rows.every((x) => x.embedding.length === 0 && x.embeddingModel === null)).toBe(true);

    const keyed = await ingest(embedder());
    expect(keyed).toMatchObject({ written: 0, embedded: r.chunks });
  });

  it("stores the text when the embedding endpoint fails, and embeds it at the next run", async () => {
    fake.failNext({ status: 500 }, { on: "embeddings" });
    const failed = await ingest(embedder());
    expect(failed.embeddingError).toBeDefined();
    expect(await db.prisma.supportChunk.count({ where: { embeddingModel: null } })).toBe(failed.chunks);
    const retried = await ingest(embedder());
    expect(retried.embedded).toBe(failed.chunks);
    expect(await db.prisma.supportChunk.count({ where: { embeddingModel: null } })).toBe(0);
  });
});
