import type { DbClient } from "../../platform/db-client.ts";

export const TICKET_PAGE_SIZE = 50;

export interface TicketRow {
  id: string;
  userId: string;
  user: string | null;
  status: "open" | "closed";
  transport: "telegram" | "discord";
  reason: string;
  question: string;
  confidence: number | null;
  messages: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/**
 * Tickets for the admins, most recently active first, a page at a time; or one follower's own (`userId`), for the
 * bots' /ticket.
 */
export async function listTickets(
  input: { status?: "open" | "closed"; page?: number; userId?: string },
  deps: { db: DbClient },
): Promise<{ page: number; pageSize: number; hasNext: boolean; tickets: TicketRow[] }> {
  const page = input.page ?? 1;
  const rows = await deps.db.supportTicket.findMany({
    where: { status: input.status, userId: input.userId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * TICKET_PAGE_SIZE,
    take: TICKET_PAGE_SIZE + 1,
    include: { user: { select: { displayName: true } }, _count: { select: { messages: true } } },
  });
  return {
    page,
    pageSize: TICKET_PAGE_SIZE,
    hasNext: rows.length > TICKET_PAGE_SIZE,
    tickets: rows.slice(0, TICKET_PAGE_SIZE).map((t) => ({
      id: t.id,
      userId: t.userId,
      user: t.user.displayName,
      status: t.status,
      transport: t.transport,
      reason: t.reason,
      question: t.question,
      confidence: t.confidence,
      messages: t._count.messages,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      closedAt: t.closedAt,
    })),
  };
}

/** A follower's open tickets (the bots' /ticket), newest activity first. */
export async function listOwnTickets(input: { userId: string }, deps: { db: DbClient }): Promise<TicketRow[]> {
  return (await listTickets({ userId: input.userId, status: "open" }, deps)).tickets;
}
