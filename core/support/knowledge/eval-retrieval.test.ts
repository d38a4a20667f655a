import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { retrieve } from "../retrieve.ts";
import { collectSupportChunks } from "./collect-sources.ts";
import { staticCorpusSource } from "./corpus.ts";
import { evalQuestions, evaluateRetrieval } from "./eval-retrieval.ts";
import { repoRoot } from "./support-knowledge.ts";

describe("the retrieval eval", () => {
  it("has at least 40 questions whose sections all exist, and BM25 keeps hit@3 at 0.8 or more", async () => {
    const questions = evalQuestions.parse(
      JSON.parse(await readFile(path.join(repoRoot, "test/support-eval/questions.json"), "utf8")),
    );
    expect(questions.length).toBeGreaterThanOrEqual(40);
    const chunks = await collectSupportChunks({ rootDir: repoRoot });
    const sections = new Set(chunks.map((c) => `${c.source}#${c.anchor}`));
    const missing = questions
      .flatMap((q) => q.answers.map((a) => `${a.source}#${a.anchor}`))
      .filter((s) => !sections.has(s));
    expect(missing).toEqual([]);

    const corpus = staticCorpusSource(
      chunks.map((c) => ({ ...c, id: c.contentHash, embedding: null, embeddingModel: null })),
    );
    const result = await evaluateRetrieval(questions, (question, k) => retrieve({ question, k }, { corpus }));
    expect(result.hitAt).toBeGreaterThanOrEqual(0.8);
  });
});
