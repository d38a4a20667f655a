import { type Api, GrammyError } from "grammy";
import type { Logger } from "pino";
import type { Clock } from "../../core/platform/clock.ts";
import type { DbClient } from "../../core/platform/db-client.ts";
import { FLOW_TTL_MS, type SessionData } from "./session/session-data.ts";

type ExpiredFlow = NonNullable<SessionData["flow"]>;

// How many expired setups one sweep handles; the rest wait for the next sweep.
const BATCH = 100;

/**
 * Deletes the /2fa setup picture (its caption holds the TOTP secret) of every setup that expired, whether or not
 * the user writes again; middleware/flow-lifecycle.ts deletes it when the flow ends while the user is there.
 * Started with the notification sweep by start-telegram.ts; returns how many pictures went.
 *
 * The flow stays in the session without its picture, so the user's next message still hears that the /2fa
 * expired (middleware/expire-flows.ts). The session row changes only if it still holds the very flow that was
 * read: a concurrent update of the same chat wins. A picture Telegram would not delete (already gone, 4xx) is
 * forgotten; one that failed for another reason (network, 5xx, rate limit after retries) is tried again next time.
 */
export async function sweepExpiredFlows(
  deps: { db: DbClient; clock: Clock; logger: Logger },
  api: Pick<Api, "deleteMessage">,
): Promise<number> {
  const { db, logger } = deps;
  const now = deps.clock.now();
  const cutoff = String(now.getTime() - FLOW_TTL_MS);
  const rows = await db.$queryRaw<{ key: string; flow: ExpiredFlow }[]>`
    SELECT "key", "value"->'flow' AS "flow" FROM "BotSession"
    WHERE "value"->'flow'->>'kind' = '2fa-confirm'
      AND "value"->'flow'->>'qrMessageId' IS NOT NULL
      AND ("value"->'flow'->>'startedAt')::numeric < ${cutoff}::numeric
    LIMIT ${BATCH}`;
  let deleted = 0;
  for (const { key, flow } of rows) {
    const messageId = flow.kind === "2fa-confirm" ? Number(flow.qrMessageId) : Number.NaN;
    const chatId = Number(key);
    if (Number.isSafeInteger(chatId) && Number.isSafeInteger(messageId)) {
      const retry = await api.deleteMessage(chatId, messageId).then(
        () => {
          deleted += 1;
          return false;
        },
        (err: Error) => {
          // Telegram's "no" (the message is gone, or cannot be deleted) is final; anything else may pass.
          const refused = err instanceof GrammyError && err.error_code >= 400 && err.error_code < 500;
          const retry = !refused || err.error_code === 429;
          logger.warn({ err: err.message, chatId, retry }, "could not delete an expired 2FA setup picture");
          return retry;
        },
      );
      if (retry) continue;
    }
    await db.$executeRaw`
      UPDATE "BotSession" SET "value" = "value" #- '{flow,qrMessageId}', "updatedAt" = ${now}
      WHERE "key" = ${key} AND "value"->'flow' = ${JSON.stringify(flow)}::jsonb`;
  }
  if (deleted) logger.info({ deleted }, "expired 2FA setup pictures deleted");
  return deleted;
}
