import type { Prisma } from "../../../generated/prisma/client.ts";
import { renderPrompt } from "../prompts.ts";
import type { AdminChats } from "../support-types.ts";

type Tx = Prisma.TransactionClient;

export interface TicketSummary {
  id: string;
  userId: string;
  transport: "telegram" | "discord";
  reason: string;
  question: string;
  answer: string | null;
  sources: string[];
  confidence: number | null;
  context: unknown;
}

// A chat message holds 4096 characters (Telegram, a Discord embed): long parts are cut, the ticket has them whole.
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The admins' text for a new ticket (prompts/escalation.md), English: it is read by the team, not the follower. */
export function escalationText(t: TicketSummary, user: string): string {
  const text = renderPrompt("escalation", {
    ticketId: t.id,
    reason: t.reason,
    transport: t.transport,
    user,
    question: clip(t.question, 1200),
    answer: clip(t.answer ?? "(none)", 1200),
    confidence: t.confidence === null ? "n/a" : t.confidence.toFixed(2),
    sources: t.sources.length ? t.sources.join(", ") : "(none)",
    context: clip(JSON.stringify(t.context ?? {}), 800),
  });
  return clip(text, 4000);
}

/**
 * Writes one outbox row per configured admin chat, in the transaction that opened the ticket: the bot that has
 * that transport posts it, paced like every notification, and a crash between the two cannot lose it. The row
 * belongs to the follower (the outbox is per user) and says where it goes in `via` and `chat`.
 */
export async function announceTicket(
  tx: Tx,
  ticket: TicketSummary,
  user: { displayName: string | null },
  chats: AdminChats | undefined,
  now: Date,
): Promise<number> {
  const targets = [
    ["telegram", chats?.telegram],
    ["discord", chats?.discord],
  ].filter((t): t is [string, string] => !!t[1]);
  if (!targets.length) return 0;
  const text = escalationText(ticket, user.displayName ?? ticket.userId);
  for (const [via, chat] of targets) {
    await tx.notification.upsert({
      where: { dedupeKey: `support:ticket:${ticket.id}:${via}` },
      create: {
        userId: ticket.userId,
        kind: "support_ticket",
        dedupeKey: `support:ticket:${ticket.id}:${via}`,
        payload: { ticketId: ticket.id, via, chat, text },
        createdAt: now,
      },
      update: {},
    });
  }
  return targets.length;
}
