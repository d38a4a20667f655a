import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { isAppError } from "../core/platform/errors.ts";
import {
  defaultRetryPolicy,
  type JobName,
  type JobProcessors,
  jobSchemas,
  type RetryPolicy,
} from "../core/platform/jobs.ts";
import { processMetrics } from "../core/platform/metrics.ts";
import { retryDelay } from "../core/platform/retry-delay.ts";

export interface RunningWorkers {
  close(): Promise<void>;
}

/** Consumes every queue with BullMQ; any number of these may run on any number of machines. */
export function startBullmqWorkers(opts: {
  connection: Redis;
  processors: JobProcessors;
  concurrency: Partial<Record<JobName, number>>;
  logger: Logger;
  prefix?: string;
  retry?: RetryPolicy;
  /** How long a job stays owned by its worker without a lock renewal; BullMQ's default is 30 s. */
  lockDurationMs?: number;
  /** How often this worker looks for jobs whose lock expired (their worker died) and re-queues them. */
  stalledIntervalMs?: number;
}): RunningWorkers {
  const retry = opts.retry ?? defaultRetryPolicy;
  const workers = (Object.keys(opts.processors) as JobName[]).map((name) => {
    const processor = opts.processors[name] as (data: unknown, ctx: object) => Promise<void>;
    const worker = new Worker(
      name,
      async (job: Job) => {
        const data = jobSchemas[name].safeParse(job.data);
        if (!data.success) throw new UnrecoverableError(`malformed ${name} payload: ${data.error.message}`);
        const attempt = job.attemptsMade + 1;
        const maxAttempts = job.opts.attempts ?? retry.attempts;
        try {
          await processor(data.data, { jobId: job.id ?? "", attempt, maxAttempts });
          processMetrics().jobFinished(name, "completed");
        } catch (err) {
          const final = (isAppError(err) && !err.retryable) || attempt >= maxAttempts;
          processMetrics().jobFinished(name, final ? "failed" : "retried");
          if (isAppError(err) && !err.retryable) throw new UnrecoverableError(`${err.code}: ${err.message}`);
          throw err;
        }
      },
      {
        connection: opts.connection,
        prefix: opts.prefix ?? "mimic",
        concurrency: opts.concurrency[name] ?? 1,
        lockDuration: opts.lockDurationMs ?? 30_000,
        stalledInterval: opts.stalledIntervalMs ?? 30_000,
        settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelay(retry, attemptsMade, err) },
      },
    );
    worker.on("failed", (job, err) => {
      opts.logger.warn(
        { queue: name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        "job attempt failed",
      );
    });
    worker.on("error", (err) => opts.logger.error({ queue: name, err: err.message }, "worker error"));
    return worker;
  });

  return {
    // Worker.close() waits for in-flight jobs to finish before resolving.
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
