import type { AdminActor } from "../../admin/audit.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { auditSupport } from "./support-audit.ts";

export type AdminMessageTarget = { userId: string } | { strategy: string };

/**
 * An admin's message to one follower, or to every follower of a strategy (an active or paused subscription on a
 * live account): one outbox row each, written in one statement and paced by the notifiers like any notification.
 * The audit row records the text and how many it went to; the rows share the message id.
 */
export async function sendAdminMessage(
  input: AdminMessageTarget & { text: string },
  deps: { db: DbClient; clock: { now(): Date }; who: AdminActor },
): Promise<{ messageId: string; recipients: number }> {
  const now = deps.clock.now();
  const messageId = crypto.randomUUID();
  return deps.db.$transaction(async (tx) => {
    if ("userId" in input) {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw new AppError("NOT_FOUND", "no such user");
      await tx.notification.create({
        data: {
          userId: user.id,
          kind: "support_message",
          dedupeKey: `support:msg:${messageId}:${user.id}`,
          payload: { messageId, text: input.text, strategy: null },
          createdAt: now,
        },
      });
      await auditSupport(tx, deps.who, {
        action: "support.message_sent",
        userId: user.id,
        details: { messageId, text: input.text, recipients: 1 },
      });
      return { messageId, recipients: 1 };
    }
    const strategy = await tx.strategy.findFirst({
      where: { OR: [{ slug: input.strategy }, { id: input.strategy }] },
      select: { id: true, name: true, slug: true },
    });
    if (!strategy) throw new AppError("NOT_FOUND", "no such strategy");
    const payload = JSON.stringify({ messageId, text: input.text, strategy: strategy.name });
    const recipients = await tx.$executeRaw`
      INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
      SELECT gen_random_uuid()::text, f."userId", 'support_message', 'support:msg:' || ${messageId} || ':' || f."userId",
        ${payload}::jsonb, ${now}
      FROM (
        SELECT DISTINCT a."userId"
        FROM "Subscription" s JOIN "ExchangeAccount" a ON a."id" = s."accountId"
        WHERE s."strategyId" = ${strategy.id} AND s."status" IN ('active', 'paused') AND a."status" <> 'removed'
      ) f
      ON CONFLICT ("dedupeKey") DO NOTHING`;
    await auditSupport(tx, deps.who, {
      action: "support.broadcast_sent",
      details: { messageId, strategy: strategy.slug, text: input.text, recipients },
    });
    return { messageId, recipients };
  });
}
