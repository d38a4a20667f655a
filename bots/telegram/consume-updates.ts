import { UnrecoverableError, Worker } from "bullmq";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { defaultRetryPolicy, jobSchemas } from "../../core/platform/jobs.ts";
import { retryDelay } from "../../core/platform/retry-delay.ts";

/**
 * Webhook mode in the split deployment: `npm run api` takes Telegram's POSTs and queues each update as a
 * "telegram-update" job; the bot process (`npm run bot`) handles them here. Updates wait in Redis while the bot
 * restarts. A failed update is retried; the bot's dedupe middleware drops one it already recorded, so a failure
 * after handling (say, while scrubbing the job) sends nothing twice.
 */
export function consumeUpdates(opts: {
  connection: Redis;
  prefix: string;
  handleUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  /** Updates in flight; the bot runs those of one chat in order (`sequentialize`), different chats at once. */
  concurrency?: number;
}): { close(): Promise<void> } {
  const worker = new Worker(
    "telegram-update",
    async (job) => {
      const data = jobSchemas["telegram-update"].safeParse(job.data);
      if (!data.success) throw new UnrecoverableError(`malformed telegram-update payload: ${data.error.message}`);
      // Only update_id was checked: the rest is Telegram's, sent with the secret token, and grammY reads it.
      await opts.handleUpdate(data.data.update as unknown as Update);
      // An update may hold what a follower typed in /link (an API secret), and the queue keeps finished jobs for
      // a day (their ids are what makes a redelivery the same job): only the id is kept once handled.
      await job.updateData({ update: { update_id: data.data.update.update_id } });
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 64,
      // The producer names this backoff type; BullMQ needs the strategy where the job is retried.
      settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelay(defaultRetryPolicy, attemptsMade, err) },
    },
  );
  worker.on("failed", (job, err) =>
    opts.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, "telegram update failed"),
  );
  worker.on("error", (err) => opts.logger.error({ err: err.message }, "telegram update worker error"));
  return { close: () => worker.close() };
}
