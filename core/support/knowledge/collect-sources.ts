import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type ChunkOptions, chunkMarkdown, type DocChunk } from "./chunk-markdown.ts";
import { ERROR_ADVICE_SOURCE, errorAdviceMarkdown } from "./error-advice-source.ts";

export interface KnowledgeSourceOptions extends ChunkOptions {
  /** The repository root: `docs/*.md` and `locales/en/*.ftl` are read from it. */
  rootDir: string;
}

/** Every chunk of the knowledge base: each Markdown file in docs/, then the bots' failure advice. */
export async function collectSupportChunks(opts: KnowledgeSourceOptions): Promise<DocChunk[]> {
  const docsDir = path.join(opts.rootDir, "docs");
  const files = (await readdir(docsDir)).filter((f) => f.endsWith(".md")).sort();
  const chunks: DocChunk[] = [];
  for (const file of files) {
    const text = await readFile(path.join(docsDir, file), "utf8");
    chunks.push(...(await chunkMarkdown(`docs/${file}`, text, opts)));
  }
  const locale = path.join(opts.rootDir, "locales", "en");
  const advice = errorAdviceMarkdown({
    notifications: await readFile(path.join(locale, "notifications.ftl"), "utf8"),
    errors: await readFile(path.join(locale, "errors.ftl"), "utf8"),
  });
  chunks.push(...(await chunkMarkdown(ERROR_ADVICE_SOURCE, advice, opts)));
  return chunks;
}
