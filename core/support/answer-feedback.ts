import type { Logger } from "pino";
import { z } from "zod";
import { awardHelpfulAnswer } from "../community/award-helpful.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import { loadFollowerContext } from "./follower-context.ts";
import type { AdminChats } from "./support-types.ts";
import { openTicket } from "./tickets/open-ticket.ts";

const answerRef = z.object({ answerId: z.uuid(), userId: z.uuid() });

async function ownAnswer(db: DbClient, input: { answerId: string; userId: string }) {
  const a = await db.supportAnswer.findFirst({ where: { id: input.answerId, userId: input.userId } });
  // Someone else's answer id (a forwarded button) is no different from a missing one.
  if (!a) throw new AppError("NOT_FOUND", "no such answer");
  return a;
}

/** The "Helpful" button: feedback on one answer (and its XP, core/community); pressing it again changes nothing. */
export async function markHelpful(
  raw: { answerId: string; userId: string },
  deps: { db: DbClient; clock?: Clock },
): Promise<{ answerId: string }> {
  const input = parseInput(answerRef, raw);
  await ownAnswer(deps.db, input);
  await deps.db.supportAnswer.update({ where: { id: input.answerId }, data: { helpful: true } });
  await awardHelpfulAnswer(input, deps);
  return { answerId: input.answerId };
}

/**
 * The "Talk to a human" button: a ticket with the question, the answer given and its sources (or the follower's
 * open ticket, added to). Pressing it again returns the same ticket while it is open.
 */
export async function escalateAnswer(
  raw: { answerId: string; userId: string; transport: "telegram" | "discord" },
  deps: { db: DbClient; clock: Clock; logger: Logger; adminChats?: AdminChats },
): Promise<{ ticketId: string; created: boolean }> {
  const input = parseInput(answerRef.extend({ transport: z.enum(["telegram", "discord"]) }), raw);
  const a = await ownAnswer(deps.db, input);
  if (a.ticketId) {
    const t = await deps.db.supportTicket.findUnique({ where: { id: a.ticketId }, select: { status: true } });
    if (t?.status === "open") return { ticketId: a.ticketId, created: false };
  }
  const opened = await openTicket(
    {
      userId: input.userId,
      transport: input.transport,
      reason: "asked_for_human",
      question: a.question,
      answer: a.answer || null,
      sources: z.array(z.string()).catch([]).parse(a.sources),
      confidence: a.confidence,
      context: await loadFollowerContext(input.userId, deps),
    },
    deps,
  );
  await deps.db.supportAnswer.update({
    where: { id: a.id },
    data: { helpful: false, ticketId: opened.ticketId },
  });
  return opened;
}
