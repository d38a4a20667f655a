import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { deliverNotification } from "../../../core/notifications/deliver-notification.ts";
import type { Notifier } from "../../../core/notifications/notification-message.ts";
import type { Clock } from "../../../core/platform/clock.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";
import { isAppError } from "../../../core/platform/errors.ts";
import { jobSchemas } from "../../../core/platform/jobs.ts";

/**
 * The Telegram process delivers its own "notify" jobs when it runs apart from the workers (`npm run bot`):
 * sending needs the bot's API client, and workers stay free of chat transports.
 */
export function consumeNotifications(opts: {
  connection: Redis;
  prefix: string;
  notifier: Notifier;
  db: DbClient;
  clock: Clock;
  logger: Logger;
}): { close(): Promise<void> } {
  const worker = new Worker(
    "notify",
    async (job) => {
      const data = jobSchemas.notify.safeParse(job.data);
      if (!data.success) throw new UnrecoverableError(`malformed notify payload: ${data.error.message}`);
      try {
        await deliverNotification(data.data, { ...opts, logger: opts.logger.child({ jobId: job.id }) });
      } catch (err) {
        if (isAppError(err) && !err.retryable) throw new UnrecoverableError(`${err.code}: ${err.message}`);
        throw err;
      }
    },
    // Sends wait in the notifier's throttle (about 30/s overall), so a few in flight keep it busy.
    { connection: opts.connection, prefix: opts.prefix, concurrency: 32 },
  );
  worker.on("error", (err) => opts.logger.error({ err: err.message }, "notification worker error"));
  return { close: () => worker.close() };
}
