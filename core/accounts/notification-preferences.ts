import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import type { ChatTransport } from "./ensure-chat-user.ts";

export interface NotificationPreferences {
  notifySignals: boolean;
  notifyDaily: boolean;
  /** Where notifications go now (the choice, or the default: Telegram when linked, else Discord). */
  via: ChatTransport;
  /** The transports this user can be reached on (connected with /connect). */
  available: ChatTransport[];
}

const select = { notifySignals: true, notifyDaily: true, notifyVia: true, telegramId: true, discordId: true } as const;

function view(u: {
  notifySignals: boolean;
  notifyDaily: boolean;
  notifyVia: ChatTransport | null;
  telegramId: string | null;
  discordId: string | null;
}): NotificationPreferences {
  const available: ChatTransport[] = [];
  if (u.telegramId) available.push("telegram");
  if (u.discordId) available.push("discord");
  return {
    notifySignals: u.notifySignals,
    notifyDaily: u.notifyDaily,
    via: u.notifyVia ?? (u.telegramId ? "telegram" : "discord"),
    available,
  };
}

export async function getNotificationPreferences(
  input: { userId: string },
  deps: { db: DbClient },
): Promise<NotificationPreferences> {
  return view(await deps.db.user.findUniqueOrThrow({ where: { id: input.userId }, select }));
}

/**
 * Changes the opt-in notifications and where they go, for every chat transport. Notifications can only go
 * to an app the user has connected.
 */
export async function setNotificationPreferences(
  input: { userId: string; notifySignals?: boolean; notifyDaily?: boolean; via?: ChatTransport },
  deps: { db: DbClient },
): Promise<NotificationPreferences> {
  const { db } = deps;
  if (input.via) {
    const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select });
    if (!view(user).available.includes(input.via)) {
      const other = input.via === "telegram" ? "Telegram" : "Discord";
      throw new AppError(
        "BAD_REQUEST",
        `your ${other} is not connected yet: run /connect here and enter the code in ${other} with /connect`,
      );
    }
  }
  const updated = await db.user.update({
    where: { id: input.userId },
    data: {
      notifySignals: input.notifySignals,
      notifyDaily: input.notifyDaily,
      notifyVia: input.via,
      // Choosing a transport again is the user saying they can be reached there.
      ...(input.via === "telegram" && { telegramUnreachableAt: null }),
      ...(input.via === "discord" && { discordUnreachableAt: null }),
    },
    select,
  });
  return view(updated);
}
