import type { Prisma } from "../../generated/prisma/client.ts";
import { REACHABLE } from "../notifications/queue-notifications.ts";
import type { DbClient } from "../platform/db-client.ts";

export type Writer = DbClient | Prisma.TransactionClient;

/** The outbox kinds this module writes; delivered by deliver-notification.ts (community-notifications.ts). */
export type CommunityNotice =
  | { kind: "level_up"; userId: string; level: number }
  | { kind: "achievement"; userId: string; code: string };

/**
 * Writes the notice's outbox row, once (by its dedupe key), in the caller's transaction: the award and its notice
 * commit together. Users no chat reaches get none, as for trade events; the outbox sweep queues the row.
 */
export async function queueCommunityNotice(db: Writer, notice: CommunityNotice, now: Date): Promise<void> {
  const { kind, userId, ...payload } = notice;
  const dedupeKey =
    notice.kind === "level_up" ? `level:${userId}:${notice.level}` : `achievement:${userId}:${notice.code}`;
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, u."id", ${kind}, ${dedupeKey}, ${JSON.stringify(payload)}::jsonb, ${now}
    FROM "User" u
    WHERE u."id" = ${userId} AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
