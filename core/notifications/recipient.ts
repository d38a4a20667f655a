import type { Recipient } from "./notification-message.ts";

export const recipientFields = {
  telegramId: true,
  discordId: true,
  telegramUnreachableAt: true,
  discordUnreachableAt: true,
  discordDmChannelId: true,
  locale: true,
  notifyVia: true,
} as const;

interface RecipientRow {
  telegramId: string | null;
  discordId: string | null;
  telegramUnreachableAt: Date | null;
  discordUnreachableAt: Date | null;
  discordDmChannelId: string | null;
  locale: string | null;
  notifyVia: "telegram" | "discord" | null;
}

/**
 * The transport a user's notifications go by: the one they chose, else Telegram when they have it, else
 * Discord. Null when that transport cannot reach them (no identity there, or they blocked the bot).
 * The same rule, in SQL, is `NOTIFY_TRANSPORT_SQL` for the outbox sweep.
 */
export function recipientOf(userId: string, u: RecipientRow): Recipient | null {
  const transport = u.notifyVia ?? (u.telegramId ? "telegram" : "discord");
  const reachable =
    transport === "telegram" ? u.telegramId && !u.telegramUnreachableAt : u.discordId && !u.discordUnreachableAt;
  if (!reachable) return null;
  return {
    userId,
    transport,
    telegramId: u.telegramId,
    discordId: u.discordId,
    discordDmChannelId: u.discordDmChannelId,
    locale: u.locale,
  };
}
