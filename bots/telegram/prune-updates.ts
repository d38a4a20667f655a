import type { DbClient } from "../../core/platform/db-client.ts";

// Telegram stops redelivering an update after 24 hours; a week of ids is ample for dedupe and keeps the table small.
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** Forgets update ids no redelivery can match any more. */
export async function pruneTelegramUpdates(db: DbClient, now: Date): Promise<number> {
  const { count } = await db.telegramUpdate.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - KEEP_MS) } },
  });
  return count;
}
