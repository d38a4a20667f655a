/** One heading's own text (down to the next heading of any level), with where it sits in the document. */
export interface MarkdownSection {
  /** The heading path from the document's title down: ["Telegram bot", "Your trades"]. */
  path: string[];
  /** GitHub's anchor for the deepest heading ("" for text before the first heading). */
  anchor: string;
  /** The section's text without its heading line. */
  body: string;
}

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

// Headings are cited as plain text: inline code and links keep their words only.
const plainHeading = (raw: string) =>
  raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .replace(/\s+#+\s*$/, "")
    .trim();

/**
 * Splits a Markdown document at its ATX headings. Lines inside fenced code blocks are never headings (a shell
 * comment such as "# or, with the API…" is not a section). Anchors repeat as GitHub numbers them (`x`, `x-1`).
 */
export function markdownSections(markdown: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  const stack: Array<{ level: number; text: string }> = [];
  const seen = new Map<string, number>();
  let current: { path: string[]; anchor: string; lines: string[] } = { path: [], anchor: "", lines: [] };
  let fence: string | null = null;

  const flush = () => {
    const body = current.lines.join("\n").trim();
    if (body || current.path.length > 0) sections.push({ path: current.path, anchor: current.anchor, body });
  };

  for (const line of markdown.split(/\r?\n/)) {
    const fenceMark = /^\s{0,3}(```+|~~~+)/.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark.slice(0, 3);
      else if (fenceMark.startsWith(fence)) fence = null;
    }
    const heading = fence === null && !fenceMark ? /^(#{1,6})\s+(.+)$/.exec(line) : null;
    if (!heading) {
      current.lines.push(line);
      continue;
    }
    flush();
    const level = heading[1]?.length ?? 1;
    const text = plainHeading(heading[2] ?? "");
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    stack.push({ level, text });
    const slug = headingSlug(text);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    current = { path: stack.map((h) => h.text), anchor: n === 0 ? slug : `${slug}-${n}`, lines: [] };
  }
  flush();
  return sections;
}
