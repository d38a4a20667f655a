import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";

/** One ticket with every message in order. `userId` limits it to that follower's own (the bots ask so). */
export async function getTicket(input: { ticketId: string; userId?: string }, deps: { db: DbClient }) {
  const t = await deps.db.supportTicket.findFirst({
    where: { id: input.ticketId, userId: input.userId },
    include: {
      user: { select: { displayName: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, author: true, text: true, createdAt: true },
      },
    },
  });
  if (!t) throw new AppError("NOT_FOUND", "no such ticket");
  return {
    id: t.id,
    userId: t.userId,
    user: t.user.displayName,
    status: t.status,
    transport: t.transport,
    reason: t.reason,
    question: t.question,
    answer: t.answer,
    sources: t.sources,
    confidence: t.confidence,
    context: t.context,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
    messages: t.messages,
  };
}
