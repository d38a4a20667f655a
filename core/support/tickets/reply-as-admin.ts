import type { AdminActor } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { auditSupport } from "./support-audit.ts";

/**
 * An admin's answer on a ticket: kept as a message, and written to the notification outbox in the same
 * transaction, addressed to the chat the follower asked from (`via`), so it is delivered once, paced like every
 * notification. Replying reopens nothing: a closed ticket is refused.
 */
export async function replyAsAdmin(
  input: { ticketId: string; text: string },
  deps: { db: DbClient; clock: { now(): Date }; who: AdminActor },
): Promise<{ messageId: string; notificationId: string }> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.findUnique({
      where: { id: input.ticketId },
      select: { id: true, userId: true, status: true, transport: true },
    });
    if (!ticket) throw new AppError("NOT_FOUND", "no such ticket");
    if (ticket.status !== "open") throw new AppError("CONFLICT", "the ticket is closed");
    const message = await tx.supportMessage.create({
      data: { ticketId: ticket.id, author: "admin", text: input.text, createdAt: now },
    });
    await tx.supportTicket.update({ where: { id: ticket.id }, data: { updatedAt: now } });
    const notification = await tx.notification.create({
      data: {
        userId: ticket.userId,
        kind: "support_reply",
        dedupeKey: `support:reply:${message.id}`,
        payload: { ticketId: ticket.id, messageId: message.id, via: ticket.transport },
        createdAt: now,
      },
    });
    await auditSupport(tx, deps.who, {
      action: "support.replied",
      userId: ticket.userId,
      details: { ticketId: ticket.id, messageId: message.id },
    });
    return { messageId: message.id, notificationId: notification.id };
  });
}
