import { citationOf, linkOf } from "./citations.ts";
import { recordAnswer } from "./record-answer.ts";
import type { EscalationReason, RetrievedChunk, SupportDeps, SupportReply } from "./support-types.ts";

const QUOTES = 3;
const EXCERPT_CHARS = 700;

/**
 * The answer without a model: the best matching sections, quoted and linked, with a ticket offered. Nothing
 * matched at all: a ticket is opened, as a model that found nothing would have asked for one.
 */
export async function docsReply(
  input: {
    userId: string;
    question: string;
    chunks: RetrievedChunk[];
    redacted: string[];
    retrieval: string;
    escalate: (
      reason: EscalationReason,
      extra: { answer?: string | null },
    ) => Promise<{ ticketId: string; created: boolean }>;
  },
  deps: SupportDeps,
): Promise<SupportReply> {
  const top = input.chunks.slice(0, QUOTES);
  const quotes = top.map((c) => ({ ...linkOf(c, deps.docsUrl), excerpt: excerpt(c.content) }));
  const ticket = top.length ? null : await input.escalate("low_confidence", { answer: null });
  const ticketId = ticket?.ticketId ?? null;
  const answerId = await recordAnswer(
    {
      userId: input.userId,
      question: input.question,
      answer: quotes.map((q) => `${citationOf(q)}\n${q.excerpt}`).join("\n\n"),
      sources: top.map(citationOf),
      retrieval: input.retrieval,
      ticketId,
    },
    deps,
  );
  return {
    kind: "docs",
    answerId,
    text: null,
    sources: quotes.map(({ excerpt: _, ...link }) => link),
    quotes,
    confidence: null,
    ticketId,
    newTicket: ticket?.created ?? false,
    escalated: ticketId ? "low_confidence" : null,
    redacted: input.redacted,
    offerTicket: true,
  };
}

/** The section's first paragraphs, cut at a sentence or line end. */
function excerpt(content: string): string {
  const text = content.trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const end = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf(". "));
  return `${end > EXCERPT_CHARS / 2 ? cut.slice(0, end + 1) : cut}…`.trim();
}
