import { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type JobQueue, jobIds, notifyJobOf } from "../platform/jobs.ts";

// Outcomes older than this when first seen are history, not news (e.g. right after the feature is deployed).
const FRESH_MS = 60 * 60_000;
// Pending notifications are re-enqueued for this long (a lost queue forgets them); job ids make that harmless.
const RETRY_PENDING_MS = 24 * 3600_000;

// The transport a user's notifications go by, and whether it reaches them (core/notifications/recipient.ts); the
// trade events written as they happen (queue-trade-event.ts) use the same test.
const TRANSPORT = Prisma.sql`COALESCE(u."notifyVia"::text, CASE WHEN u."telegramId" IS NOT NULL THEN 'telegram' ELSE 'discord' END)`;
export const REACHABLE = Prisma.sql`(CASE ${TRANSPORT}
  WHEN 'telegram' THEN u."telegramId" IS NOT NULL AND u."telegramUnreachableAt" IS NULL
  ELSE u."discordId" IS NOT NULL AND u."discordUnreachableAt" IS NULL END)`;

/**
 * The notification outbox sweep. Writes one Notification per terminal execution of a user a chat transport reaches (and, for
 * those who opted in, per signal and per day), keyed so that running it again writes nothing new, then
 * enqueues a job per pending row on the queue of the transport that reaches its user. The copying code is untouched: it only has to finish executions.
 */
export async function queueNotifications(deps: {
  db: DbClient;
  queue: JobQueue;
  clock: Clock;
}): Promise<{ queued: number }> {
  const { db } = deps;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - FRESH_MS);
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, u."id", 'signal', 'signal:' || s."id" || ':' || u."id",
      jsonb_build_object('signalId', s."id"), ${now}
    FROM "Signal" s
    JOIN "Subscription" sub ON sub."strategyId" = s."strategyId" AND sub."status" = 'active'
    JOIN "ExchangeAccount" a ON a."id" = sub."accountId" AND a."status" = 'active'
    JOIN "User" u ON u."id" = a."userId"
    WHERE s."receivedAt" >= ${since} AND u."notifySignals" AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, a."userId", 'execution', 'exec:' || e."id",
      jsonb_build_object('executionId', e."id"), ${now}
    FROM "Execution" e
    JOIN "ExchangeAccount" a ON a."id" = e."accountId"
    JOIN "User" u ON u."id" = a."userId"
    WHERE e."status" IN ('filled', 'failed', 'skipped') AND e."updatedAt" >= ${since}
      AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  // Trades that ended without a signal: a TP or SL hit, a liquidation, the follower closing it on the exchange.
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, a."userId", 'trade', 'trade:' || t."id" || ':closed',
      jsonb_build_object('tradeId', t."id"), ${now}
    FROM "Trade" t
    JOIN "ExchangeAccount" a ON a."id" = t."accountId"
    JOIN "User" u ON u."id" = a."userId"
    WHERE t."status" = 'closed' AND t."closeReason" IN ('take_profit', 'stop_loss', 'liquidation', 'manual')
      AND t."closedAt" >= ${since} AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  const day = now.toISOString().slice(0, 10);
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, u."id", 'daily', 'daily:' || u."id" || ':' || ${day},
      jsonb_build_object('date', ${day}::text), ${now}
    FROM "User" u
    WHERE u."notifyDaily" AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  // A daily guardrail that tripped (core/guardrails/trip-guardrail.ts): once per account and UTC day. The halt is
  // in force until the next 00:00 UTC, and looked for an hour past it, so a trip just before midnight is told too.
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "payload", "createdAt")
    SELECT gen_random_uuid()::text, a."userId", 'guardrail', 'guardrail:' || a."id" || ':' || a."guardDay",
      jsonb_build_object('accountId', a."id", 'day', a."guardDay"), ${now}
    FROM "ExchangeAccount" a
    JOIN "User" u ON u."id" = a."userId"
    WHERE a."haltedUntil" >= ${since} AND a."haltReason" IS NOT NULL AND a."guardDay" IS NOT NULL AND ${REACHABLE}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  // A row may name its transport (`via`): support replies go to the chat the follower asked from, and new tickets
  // to an admin chat (core/support/support-notifications.ts).
  const pending = await db.$queryRaw<{ id: string; transport: "telegram" | "discord" }[]>`
    SELECT n."id", COALESCE(n."payload"->>'via', ${TRANSPORT}::text) AS "transport"
    FROM "Notification" n JOIN "User" u ON u."id" = n."userId"
    WHERE n."status" = 'pending' AND n."createdAt" >= ${new Date(now.getTime() - RETRY_PENDING_MS)}
    ORDER BY n."createdAt", n."kind" DESC
    LIMIT 5000`;
  for (const transport of ["telegram", "discord"] as const) {
    const jobs = pending
      .filter((n) => n.transport === transport)
      .map((n) => ({ data: { notificationId: n.id }, jobId: jobIds.notify(n.id) }));
    if (jobs.length) await deps.queue.addBulk(notifyJobOf[transport], jobs);
  }
  return { queued: pending.length };
}
