import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { redactSecrets } from "../redact.ts";

/**
 * The follower's answer goes into their open ticket (the given one, else the most recently active), redacted
 * like a question. Null when they have no open ticket: the bot then treats the text as a new question.
 */
export async function replyAsFollower(
  input: { userId: string; text: string; ticketId?: string; transport?: "telegram" | "discord" },
  deps: { db: DbClient; clock: { now(): Date } },
): Promise<{ ticketId: string; messageId: string; redacted: string[] } | null> {
  const text = input.text.trim();
  if (!text) throw new AppError("BAD_REQUEST", "text: is required", { details: { field: "text" } });
  const { text: safe, kinds } = redactSecrets(text.slice(0, 4000));
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.findFirst({
      where: { userId: input.userId, status: "open", id: input.ticketId },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    if (!ticket) {
      if (input.ticketId) throw new AppError("NOT_FOUND", "no such open ticket");
      return null;
    }
    const message = await tx.supportMessage.create({
      data: { ticketId: ticket.id, author: "follower", text: safe, createdAt: now },
    });
    await tx.supportTicket.update({
      where: { id: ticket.id },
      // Later admin replies go back to where the follower last wrote from.
      data: { updatedAt: now, ...(input.transport ? { transport: input.transport } : {}) },
    });
    return { ticketId: ticket.id, messageId: message.id, redacted: kinds };
  });
}
