import type { RetrievedChunk, SourceLink } from "./support-types.ts";

/** "docs/telegram.md#binance": how a chunk is shown to the model and how it must be cited. */
export const citationOf = (c: { source: string; anchor: string }) => `${c.source}#${c.anchor}`;

export function linkOf(c: { source: string; heading: string; anchor: string }, docsUrl?: string): SourceLink {
  const path = citationOf(c);
  return {
    source: c.source,
    heading: c.heading,
    anchor: c.anchor,
    link: docsUrl ? `${docsUrl.replace(/\/+$/, "")}/${path}` : path,
  };
}

/**
 * Matches the model's citations against the chunks it was given. A citation of the path and heading text is
 * taken as the chunk's; anything else was not given, so the answer cannot be trusted: `invented` is then true,
 * as it is when the answer cites nothing at all.
 */
export function checkCitations(
  cited: string[],
  given: RetrievedChunk[],
): { chunks: RetrievedChunk[]; invented: boolean } {
  const key = (s: string) => s.trim().toLowerCase();
  const byKey = new Map<string, RetrievedChunk>();
  for (const c of given) {
    byKey.set(key(citationOf(c)), c);
    byKey.set(key(`${c.source}#${c.heading}`), c);
  }
  const found: RetrievedChunk[] = [];
  let unknown = 0;
  for (const s of cited) {
    const c = byKey.get(key(s));
    if (!c) unknown += 1;
    else if (!found.includes(c)) found.push(c);
  }
  return { chunks: found, invented: unknown > 0 || found.length === 0 };
}
