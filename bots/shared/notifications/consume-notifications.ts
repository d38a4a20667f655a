import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { deliverNotification } from "../../../core/notifications/deliver-notification.ts";
import type { Notifier } from "../../../core/notifications/notification-message.ts";
import type { Clock } from "../../../core/platform/clock.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";
import { isAppError } from "../../../core/platform/errors.ts";
import { defaultRetryPolicy, jobSchemas, notifyJobOf } from "../../../core/platform/jobs.ts";
import { retryDelay } from "../../../core/platform/retry-delay.ts";

/**
 * A bot process delivers its own transport's notification jobs when it runs apart from the workers
 * (`npm run bot`, `npm run discord`): sending needs the bot's API client, and workers stay free of chat transports.
 */
export function consumeNotifications(opts: {
  connection: Redis;
  prefix: string;
  notifier: Notifier;
  db: DbClient;
  clock: Clock;
  logger: Logger;
}): { close(): Promise<void> } {
  const name = notifyJobOf[opts.notifier.transport];
  const worker = new Worker(
    name,
    async (job) => {
      const data = jobSchemas[name].safeParse(job.data);
      if (!data.success) throw new UnrecoverableError(`malformed ${name} payload: ${data.error.message}`);
      try {
        await deliverNotification(data.data, { ...opts, logger: opts.logger.child({ jobId: job.id }) });
      } catch (err) {
        if (isAppError(err) && !err.retryable) throw new UnrecoverableError(`${err.code}: ${err.message}`);
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      // Sends wait in the notifier's pacing (about 28/s on Telegram, 45/s on Discord), so a few in flight keep
      // it busy.
      concurrency: 32,
      // The producer names this backoff type; BullMQ needs the strategy where the job is retried.
      settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelay(defaultRetryPolicy, attemptsMade, err) },
    },
  );
  worker.on("error", (err) => opts.logger.error({ err: err.message }, "notification worker error"));
  return { close: () => worker.close() };
}
