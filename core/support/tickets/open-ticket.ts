import type { Logger } from "pino";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import type { AdminChats, EscalationReason } from "../support-types.ts";
import { announceTicket } from "./announce-ticket.ts";

export interface OpenTicketInput {
  userId: string;
  transport: "telegram" | "discord";
  reason: EscalationReason;
  /** Already redacted. */
  question: string;
  answer?: string | null;
  /** "docs/x.md#anchor", as cited. */
  sources?: string[];
  confidence?: number | null;
  /** The follower's own context as data (follower-context.ts). */
  context?: unknown;
}

/**
 * Opens a ticket for a human, or adds to the follower's open one: one conversation per follower at a time, so a
 * reply of theirs always has one place to go. A new ticket is announced to the admin chats through the outbox.
 */
export async function openTicket(
  input: OpenTicketInput,
  deps: { db: DbClient; clock: Clock; logger: Logger; adminChats?: AdminChats },
): Promise<{ ticketId: string; created: boolean }> {
  const now = deps.clock.now();
  const messages = [
    { author: "follower", text: input.question, createdAt: now },
    ...(input.answer ? [{ author: "bot", text: input.answer, createdAt: new Date(now.getTime() + 1) }] : []),
  ];
  const result = await deps.db.$transaction(async (tx) => {
    const open = await tx.supportTicket.findFirst({
      where: { userId: input.userId, status: "open" },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    if (open) {
      await tx.supportTicket.update({
        where: { id: open.id },
        data: { updatedAt: now, transport: input.transport, messages: { create: messages } },
      });
      return { ticketId: open.id, created: false };
    }
    const ticket = await tx.supportTicket.create({
      data: {
        userId: input.userId,
        transport: input.transport,
        reason: input.reason,
        question: input.question,
        answer: input.answer ?? null,
        sources: input.sources ?? [],
        confidence: input.confidence ?? null,
        context: input.context === undefined ? undefined : JSON.parse(JSON.stringify(input.context)),
        createdAt: now,
        messages: { create: messages },
      },
      include: { user: { select: { displayName: true } } },
    });
    await announceTicket(
      tx,
      {
        id: ticket.id,
        userId: ticket.userId,
        transport: ticket.transport,
        reason: ticket.reason,
        question: ticket.question,
        answer: ticket.answer,
        sources: input.sources ?? [],
        confidence: ticket.confidence,
        context: input.context ?? null,
      },
      ticket.user,
      deps.adminChats,
      now,
    );
    return { ticketId: ticket.id, created: true };
  });
  deps.logger.info({ ticketId: result.ticketId, reason: input.reason, created: result.created }, "support ticket");
  return result;
}
