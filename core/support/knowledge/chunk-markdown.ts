import { createHash } from "node:crypto";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { markdownSections } from "./markdown-sections.ts";

/** A piece of the knowledge base as stored in `SupportChunk` (without its embedding). */
export interface DocChunk {
  /** "docs/telegram.md", or a generated source such as "bots:error-advice". */
  source: string;
  /** The heading path, "Telegram bot > Your trades". */
  heading: string;
  anchor: string;
  /** Order within the source. */
  position: number;
  content: string;
  /** sha256 of what is embedded (heading and content): a chunk whose hash is unchanged keeps its embedding. */
  contentHash: string;
}

export interface ChunkOptions {
  /** Characters per chunk; a section longer than this is split by Markdown structure (paragraphs, lists). */
  chunkSize?: number;
  chunkOverlap?: number;
}

/** The text an embedding is computed from: the heading path carries meaning the body often leaves implicit. */
export const embeddingText = (c: Pick<DocChunk, "heading" | "content">) => `${c.heading}\n\n${c.content}`;

export const chunkHash = (c: Pick<DocChunk, "source" | "heading" | "content">) =>
  createHash("sha256")
    .update(`${c.source}\n${embeddingText(c)}`)
    .digest("hex");

/**
 * Splits one Markdown document into chunks: first at its headings (each chunk keeps its heading path and
 * anchor, so an answer can link to it), then, for sections longer than `chunkSize`, with LangChain's Markdown
 * splitter, which prefers paragraph and list boundaries.
 */
export async function chunkMarkdown(source: string, markdown: string, opts: ChunkOptions = {}): Promise<DocChunk[]> {
  const splitter = RecursiveCharacterTextSplitter.fromLanguage("markdown", {
    chunkSize: opts.chunkSize ?? 1200,
    chunkOverlap: opts.chunkOverlap ?? 100,
  });
  const chunks: DocChunk[] = [];
  for (const section of markdownSections(markdown)) {
    if (!section.body) continue;
    const heading = section.path.join(" > ");
    for (const content of await splitter.splitText(section.body)) {
      const piece = { source, heading, content: content.trim() };
      if (!piece.content) continue;
      chunks.push({ ...piece, anchor: section.anchor, position: chunks.length, contentHash: chunkHash(piece) });
    }
  }
  return chunks;
}
