import type { DbClient } from "../platform/db-client.ts";

/** Keeps an answer for its feedback buttons and for the record; returns its id. */
export async function recordAnswer(
  a: {
    userId: string;
    question: string;
    answer: string;
    retrieval: string;
    sources?: string[];
    confidence?: number;
    ticketId?: string | null;
    tokens?: { prompt: number | null; completion: number | null };
  },
  deps: { db: DbClient; clock: { now(): Date } },
): Promise<string> {
  const row = await deps.db.supportAnswer.create({
    data: {
      userId: a.userId,
      question: a.question,
      answer: a.answer,
      sources: a.sources ?? [],
      confidence: a.confidence ?? 0,
      retrieval: a.retrieval,
      ticketId: a.ticketId ?? null,
      promptTokens: a.tokens?.prompt ?? null,
      completionTokens: a.tokens?.completion ?? null,
      createdAt: deps.clock.now(),
    },
    select: { id: true },
  });
  return row.id;
}
