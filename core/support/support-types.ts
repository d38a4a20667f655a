import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { SupportModel } from "./support-model.ts";

/** A documentation section retrieval found (core/support retrieval: BM25 without a key, embeddings with one). */
export interface RetrievedChunk {
  /** "docs/telegram.md" */
  source: string;
  heading: string;
  anchor: string;
  content: string;
  score: number;
  /** "bm25" or "embeddings": how this chunk was found, recorded with the answer. */
  retrieval?: string;
}

export type Retrieve = (input: { question: string; k: number }) => Promise<RetrievedChunk[]>;

/** Why a ticket was opened (SupportTicket.reason). */
export type EscalationReason = "low_confidence" | "needs_human" | "asked_for_human" | "model_unavailable";

/** Where new tickets are announced to admins; each is optional. */
export interface AdminChats {
  telegram?: string;
  discord?: string;
}

export interface SupportDeps {
  db: DbClient;
  retrieve: Retrieve;
  /** Recorded with an answer when its chunks do not say how they were found ("bm25", "embeddings"). */
  retrieval?: string;
  /** Null without OPENAI_API_KEY: answers quote the docs and no network call is made. */
  model: SupportModel | null;
  clock: Clock;
  logger: Logger;
  /** SUPPORT_MIN_CONFIDENCE (default 0.6). */
  minConfidence?: number;
  /** SUPPORT_QUESTIONS_PER_HOUR (default 20). */
  questionsPerHour?: number;
  adminChats?: AdminChats;
  /** Where docs/ is browsable (SUPPORT_DOCS_URL), for links; unset: links are the doc's path. */
  docsUrl?: string;
}

/** A source as the follower sees it. */
export interface SourceLink {
  source: string;
  heading: string;
  anchor: string;
  /** "<docsUrl>/docs/telegram.md#binance", or "docs/telegram.md#binance" without a docs URL. */
  link: string;
}

/**
 * What a bot shows for a question; wording is the bot's (bots/shared/wording/support-text.ts), this is data.
 * - "answer": the model answered (`text`), with `sources`;
 * - "docs": no model: `quotes` are the best matching doc sections, and a ticket is offered;
 * - "refused": investment advice was asked for;
 * - "human": the follower asked for a person; a ticket was opened;
 * - "unavailable": the model failed or timed out; a ticket was opened;
 * - "rate_limited": too many questions this hour; nothing was recorded.
 */
export interface SupportReply {
  kind: "answer" | "docs" | "refused" | "human" | "unavailable" | "rate_limited";
  /** For the "Helpful" and "Talk to a human" buttons; null only when rate limited. */
  answerId: string | null;
  /** The model's answer, in the question's language; null when there is none to show. */
  text: string | null;
  sources: SourceLink[];
  quotes: Array<SourceLink & { excerpt: string }>;
  confidence: number | null;
  /** Set when a ticket was opened, or the follower's open ticket was added to (`newTicket` false). */
  ticketId: string | null;
  newTicket: boolean;
  escalated: EscalationReason | null;
  /** What was removed from the question ("api key", "2fa code", …): the follower is told never to post these. */
  redacted: string[];
  /** No-key answers: offer the "Talk to a human" button prominently. */
  offerTicket: boolean;
}
