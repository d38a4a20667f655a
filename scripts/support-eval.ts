// npm run support:eval: hit@3 of retrieval over test/support-eval/questions.json (docs/support.md). BM25 without
// OPENAI_API_KEY; with it, the chunks and questions are embedded by OPENAI_BASE_URL's model. No database needed.
// `-- --verbose` lists the misses.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadEnvOrExit } from "../core/platform/config.ts";
import { embeddingText } from "../core/support/knowledge/chunk-markdown.ts";
import { collectSupportChunks } from "../core/support/knowledge/collect-sources.ts";
import { staticCorpusSource } from "../core/support/knowledge/corpus.ts";
import { createOpenAIEmbedder } from "../core/support/knowledge/embedder.ts";
import { evalQuestions, evaluateRetrieval } from "../core/support/knowledge/eval-retrieval.ts";
import { repoRoot } from "../core/support/knowledge/support-knowledge.ts";
import { retrieve } from "../core/support/retrieve.ts";

const env = loadEnvOrExit(process.env);
const questions = evalQuestions.parse(
  JSON.parse(await readFile(path.join(repoRoot, "test/support-eval/questions.json"), "utf8")),
);
const chunks = await collectSupportChunks({ rootDir: repoRoot });
const embedder = createOpenAIEmbedder({
  apiKey: env.OPENAI_API_KEY,
  baseURL: env.OPENAI_BASE_URL,
  model: env.OPENAI_EMBEDDING_MODEL,
});
const vectors = embedder ? await embedder.embedDocuments(chunks.map(embeddingText)) : [];
const corpus = staticCorpusSource(
  chunks.map((c, i) => ({
    ...c,
    id: `${c.source}#${c.position}`,
    embedding: vectors[i] ?? null,
    embeddingModel: embedder ? embedder.model : null,
  })),
);
const result = await evaluateRetrieval(questions, async (question, k) => {
  const got = await retrieve({ question, k }, { corpus, embedder });
  if (embedder && got.some((g) => g.retrieval !== "embeddings")) throw new Error("embedding a question failed");
  return got;
});
console.log(
  `support retrieval=${embedder ? "embeddings" : "bm25"} hit_at_3=${result.hitAt.toFixed(2)} questions=${result.questions}`,
);
if (process.argv.includes("--verbose"))
  for (const m of result.misses) console.log(`miss: ${m.question}\n      got ${m.got.join(", ") || "nothing"}`);
