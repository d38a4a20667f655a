import { z } from "zod";
import { parseInput } from "../platform/validation.ts";
import { asksForHuman } from "./asks-for-human.ts";
import { buildPrompt } from "./build-prompt.ts";
import { checkCitations, citationOf, linkOf } from "./citations.ts";
import { docsReply } from "./docs-reply.ts";
import { loadFollowerContext } from "./follower-context.ts";
import { asksForInvestmentAdvice } from "./investment-advice.ts";
import { recordAnswer } from "./record-answer.ts";
import { redactSecrets } from "./redact.ts";
import type { SupportModel } from "./support-model.ts";
import type { EscalationReason, RetrievedChunk, SupportDeps, SupportReply } from "./support-types.ts";
import { type OpenTicketInput, openTicket } from "./tickets/open-ticket.ts";

type TicketExtra = Partial<Pick<OpenTicketInput, "answer" | "sources" | "confidence" | "context">>;

const questionInput = z.object({
  userId: z.uuid(),
  question: z
    .string()
    .trim()
    .min(1, { error: "is required" })
    .max(4000, { error: "is too long (4000 characters at most)" }),
  transport: z.enum(["telegram", "discord"]),
  locale: z.string().max(35).nullish(),
});

const RETRIEVE_K = 5;

/**
 * A follower's support question, answered from the docs: by the model when there is one, else by quoting the
 * best matching sections. Redacts secrets first; opens a ticket (announced to admins) when the follower asks for a
 * person, the model is unsure or asks for one, or the model cannot be reached. Every outcome but a rate limit is
 * recorded as a SupportAnswer, whose id the bots' "Helpful" and "Talk to a human" buttons carry. Never throws for
 * the model's failures: the follower always gets a reply.
 */
export async function answerQuestion(
  raw: { userId: string; question: string; transport: "telegram" | "discord"; locale?: string | null },
  deps: SupportDeps,
): Promise<SupportReply> {
  const input = parseInput(questionInput, raw);
  const logger = deps.logger.child({ userId: input.userId, support: true });
  const { text: question, kinds: redacted } = redactSecrets(input.question);
  const base = {
    redacted,
    sources: [],
    quotes: [],
    confidence: null,
    ticketId: null,
    newTicket: false,
    escalated: null,
  };
  const ticketDeps = { db: deps.db, clock: deps.clock, logger, adminChats: deps.adminChats };
  const escalate = (reason: EscalationReason, extra: TicketExtra = {}) =>
    openTicket({ userId: input.userId, transport: input.transport, reason, question, ...extra }, ticketDeps);

  if (asksForHuman(question)) {
    const context = await loadFollowerContext(input.userId, deps);
    const { ticketId, created } = await escalate("asked_for_human", { context });
    const answerId = await recordAnswer(
      { userId: input.userId, question, answer: "", retrieval: "none", ticketId },
      deps,
    );
    const escalated = "asked_for_human" as const;
    return {
      ...base,
      kind: "human",
      answerId,
      text: null,
      ticketId,
      newTicket: created,
      escalated,
      offerTicket: false,
    };
  }

  const since = new Date(deps.clock.now().getTime() - 3_600_000);
  const asked = await deps.db.supportAnswer.count({ where: { userId: input.userId, createdAt: { gte: since } } });
  if (asked >= (deps.questionsPerHour ?? 20)) {
    return { ...base, kind: "rate_limited", answerId: null, text: null, offerTicket: true };
  }

  if (asksForInvestmentAdvice(question)) {
    const answerId = await recordAnswer(
      { userId: input.userId, question, answer: "(refused: investment advice)", retrieval: "none", confidence: 1 },
      deps,
    );
    return { ...base, kind: "refused", answerId, text: null, offerTicket: false };
  }

  // The follower is never left without a reply: a failing model (429, 500, a timeout, an answer that is not the
  // JSON asked for) or a failing retrieval opens a ticket and says support is unavailable.
  const unavailable = async (err: unknown, retrieval: string): Promise<SupportReply> => {
    logger.warn({ err: { name: (err as Error)?.name, message: (err as Error)?.message } }, "support unavailable");
    const { ticketId, created } = await escalate("model_unavailable", {
      context: await loadFollowerContext(input.userId, deps),
    });
    const answerId = await recordAnswer(
      { userId: input.userId, question, answer: "(support unavailable)", retrieval, ticketId },
      deps,
    );
    const escalated = "model_unavailable" as const;
    return {
      ...base,
      kind: "unavailable",
      answerId,
      text: null,
      ticketId,
      newTicket: created,
      escalated,
      offerTicket: false,
    };
  };

  let chunks: RetrievedChunk[];
  try {
    chunks = await deps.retrieve({ question, k: RETRIEVE_K });
  } catch (err) {
    return unavailable(err, deps.retrieval ?? "none");
  }
  const retrieval = chunks[0]?.retrieval ?? deps.retrieval ?? (deps.model ? "embeddings" : "bm25");
  if (!deps.model) return docsReply({ userId: input.userId, question, chunks, redacted, retrieval, escalate }, deps);

  const context = await loadFollowerContext(input.userId, deps);
  const prompt = buildPrompt({ question, chunks, context: { ...context, locale: input.locale ?? null } });
  let output: Awaited<ReturnType<SupportModel["answer"]>>;
  try {
    output = await deps.model.answer(prompt);
  } catch (err) {
    return unavailable(err, retrieval);
  }

  const { answer, needs_human } = output.output;
  const cited = checkCitations(output.output.sources, prompt.given);
  const confidence = cited.invented ? 0 : output.output.confidence;
  const sources = cited.chunks.map((c) => linkOf(c, deps.docsUrl));
  const reason: EscalationReason | null = needs_human
    ? "needs_human"
    : confidence < (deps.minConfidence ?? 0.6)
      ? "low_confidence"
      : null;
  logger.info({ confidence, reason, tokens: output.tokens, invented: cited.invented }, "support answered");
  const ticket = reason
    ? await escalate(reason, { answer, sources: output.output.sources, confidence, context })
    : null;
  const ticketId = ticket?.ticketId ?? null;
  const answerId = await recordAnswer(
    {
      userId: input.userId,
      question,
      answer,
      sources: cited.chunks.map(citationOf),
      confidence,
      retrieval,
      ticketId,
      tokens: output.tokens,
    },
    deps,
  );
  return {
    ...base,
    kind: "answer",
    answerId,
    // An answer that cites what it was not given may be made up: the follower waits for the human instead.
    text: cited.invented ? null : answer,
    sources,
    confidence,
    ticketId,
    newTicket: ticket?.created ?? false,
    escalated: reason,
    offerTicket: false,
  };
}
