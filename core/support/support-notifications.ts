import { z } from "zod";
import type { NotificationMessage, Recipient } from "../notifications/notification-message.ts";
import type { DbClient } from "../platform/db-client.ts";

/** The outbox kinds support writes (core/support/tickets/*): delivered by deliver-notification.ts like the rest. */
export const SUPPORT_KINDS = ["support_reply", "support_message", "support_ticket"] as const;

const via = z.enum(["telegram", "discord"]);
const payloads = {
  support_reply: z.object({ ticketId: z.string(), messageId: z.string(), via }),
  support_message: z.object({ messageId: z.string(), text: z.string(), strategy: z.string().nullable() }),
  support_ticket: z.object({ ticketId: z.string(), via, chat: z.string(), text: z.string() }),
};

export const isSupportKind = (kind: string): kind is (typeof SUPPORT_KINDS)[number] =>
  (SUPPORT_KINDS as readonly string[]).includes(kind);

interface UserRow {
  telegramId: string | null;
  discordId: string | null;
  telegramUnreachableAt: Date | null;
  discordUnreachableAt: Date | null;
  discordDmChannelId: string | null;
  locale: string | null;
}

/**
 * Where a support row goes, when not where the user's notifications go: an admin reply to the chat the follower
 * asked from, a new ticket to an admin chat (`adminChat`: its failures are not the follower's). Undefined for any
 * other row (the usual recipient rule applies); `to` null when that chat cannot reach the follower.
 */
export function supportRoute(
  kind: string,
  payload: unknown,
  userId: string,
  user: UserRow,
): { to: Recipient | null; adminChat: boolean } | undefined {
  if (kind === "support_reply") {
    const p = payloads.support_reply.safeParse(payload);
    if (!p.success) return undefined;
    const reachable =
      p.data.via === "telegram"
        ? user.telegramId && !user.telegramUnreachableAt
        : user.discordId && !user.discordUnreachableAt;
    if (!reachable) return { to: null, adminChat: false };
    return {
      to: {
        userId,
        transport: p.data.via,
        telegramId: user.telegramId,
        discordId: user.discordId,
        discordDmChannelId: user.discordDmChannelId,
        locale: user.locale,
      },
      adminChat: false,
    };
  }
  if (kind === "support_ticket") {
    const p = payloads.support_ticket.safeParse(payload);
    if (!p.success) return { to: null, adminChat: true };
    // The Discord notifier posts to `discordDmChannelId` when it is set: the admin channel stands in for a DM.
    return {
      to: {
        userId,
        transport: p.data.via,
        telegramId: p.data.via === "telegram" ? p.data.chat : null,
        discordId: p.data.via === "discord" ? p.data.chat : null,
        discordDmChannelId: p.data.via === "discord" ? p.data.chat : null,
        locale: "en",
      },
      adminChat: true,
    };
  }
  return undefined;
}

/** The message of a support row, or null when what it was about is gone. */
export async function supportMessage(
  kind: string,
  payload: unknown,
  deps: { db: DbClient },
): Promise<NotificationMessage | null> {
  if (kind === "support_reply") {
    const p = payloads.support_reply.parse(payload);
    const m = await deps.db.supportMessage.findUnique({ where: { id: p.messageId }, select: { text: true } });
    return m ? { kind: "support_reply", ticketId: p.ticketId, text: m.text } : null;
  }
  if (kind === "support_message") {
    const p = payloads.support_message.parse(payload);
    return { kind: "support_message", text: p.text, strategy: p.strategy };
  }
  if (kind === "support_ticket") {
    const p = payloads.support_ticket.parse(payload);
    return { kind: "support_ticket", ticketId: p.ticketId, text: p.text };
  }
  return null;
}
