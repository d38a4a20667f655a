import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkMarkdown } from "./chunk-markdown.ts";
import { collectSupportChunks } from "./collect-sources.ts";
import { ERROR_ADVICE_SOURCE, errorAdviceMarkdown } from "./error-advice-source.ts";
import { headingSlug } from "./markdown-sections.ts";
import { repoRoot } from "./support-knowledge.ts";

const doc = `# Telegram bot

Intro text.

## Running it

\`\`\`sh
# not a heading: a shell comment
npm start
\`\`\`

### \`POST /webhooks/tradingview/:strategy\`

The webhook.

## Notes

One.

## Notes

Two.
`;

describe("chunkMarkdown", () => {
  it("keeps the heading path and GitHub's anchor of each section, and never splits at a comment in code", async () => {
    const chunks = await chunkMarkdown("docs/x.md", doc);
    expect(chunks.map((c) => [c.heading, c.anchor, c.position])).toEqual([
      ["Telegram bot", "telegram-bot", 0],
      ["Telegram bot > Running it", "running-it", 1],
      ["Telegram bot > Running it > POST /webhooks/tradingview/:strategy", "post-webhookstradingviewstrategy", 2],
      ["Telegram bot > Notes", "notes", 3],
      ["Telegram bot > Notes", "notes-1", 4],
    ]);
    expect(chunks[1]?.content).toContain("# not a heading: a shell comment");
    expect(new Set(chunks.map((c) => c.contentHash)).size).toBe(5);
  });

  it("splits a long section into several chunks under the same heading", async () => {
    const long = `# Doc\n\n## Long\n\n${Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${"word ".repeat(30)}`).join("\n\n")}`;
    const chunks = await chunkMarkdown("docs/long.md", long, { chunkSize: 500, chunkOverlap: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.heading === "Doc > Long" && c.anchor === "long")).toBe(true);
    expect(chunks.every((c) => c.content.length <= 500)).toBe(true);
  });

  it("slugs headings as GitHub does", () => {
    expect(headingSlug("How do I close everything at once (/panic)?")).toBe("how-do-i-close-everything-at-once-panic");
    expect(headingSlug("Order failed: not enough margin (INSUFFICIENT_MARGIN)")).toBe(
      "order-failed-not-enough-margin-insufficient_margin",
    );
  });
});

describe("the knowledge base's sources", () => {
  it("holds every doc in docs/ and the bots' failure advice, worded as the bots word it", async () => {
    const chunks = await collectSupportChunks({ rootDir: repoRoot });
    const sources = new Set(chunks.map((c) => c.source));
    expect(sources).toContain("docs/faq.md");
    expect(sources).toContain("docs/telegram.md");
    expect(sources).toContain(ERROR_ADVICE_SOURCE);
    const ftl = await readFile(path.join(repoRoot, "locales/en/notifications.ftl"), "utf8");
    const margin = chunks.find((c) => c.anchor === "order-failed-not-enough-margin-insufficient_margin");
    expect(ftl).toContain(margin?.content.replace("Error code INSUFFICIENT_MARGIN. ", ""));
    const faq = chunks.filter((c) => c.source === "docs/faq.md" && c.heading.endsWith("?"));
    expect(faq.length).toBeGreaterThanOrEqual(30);
  });

  it("leaves out what the locale files no longer have", () => {
    const md = errorAdviceMarkdown({ notifications: "", errors: "errors-internal = Oops." });
    expect(md).toContain("## Something went wrong on our side\n\nOops.");
    expect(md).not.toContain("INSUFFICIENT_MARGIN");
  });
});
