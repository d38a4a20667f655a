import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { backoffDelay, defaultRetryPolicy, type JobName, type JobQueue, jobSchemas, type RetryPolicy } from "./jobs.ts";

/** Producer side of the queues: safe to use from the API and from workers that enqueue follow-up work. */
export function createBullmqQueue(opts: {
  connection: Redis;
  prefix?: string;
  retry?: RetryPolicy;
  logger?: Pick<Logger, "warn">;
}): JobQueue {
  const retry = opts.retry ?? defaultRetryPolicy;
  const queues = new Map<JobName, Queue>();
  const queueFor = (name: JobName) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: opts.connection, prefix: opts.prefix ?? "mimic" });
      // Without a listener a Redis outage prints raw stack traces; the add that failed is retried by its caller.
      queue.on("error", (err) => opts.logger?.warn({ queue: name, err: err.message }, "queue error"));
      queues.set(name, queue);
    }
    return queue;
  };
  const jobOpts = (jobId: string, delayMs?: number) => ({
    jobId,
    delay: delayMs,
    attempts: retry.attempts,
    // The worker's backoffStrategy reads this type and honours Retry-After from the error.
    backoff: { type: "mimic", delay: backoffDelay(retry, 1) },
    // Finished jobs are pruned; re-running one is harmless because executions record their terminal state.
    removeOnComplete: { age: 24 * 3600, count: 100_000 },
    removeOnFail: true,
  });

  return {
    async add(name, job) {
      jobSchemas[name].parse(job.data);
      await queueFor(name).add(name, job.data, jobOpts(job.jobId, job.delayMs));
    },
    async addBulk(name, jobs) {
      if (jobs.length === 0) return;
      await queueFor(name).addBulk(jobs.map((j) => ({ name, data: j.data, opts: jobOpts(j.jobId, j.delayMs) })));
    },
    async ping() {
      try {
        return (await opts.connection.ping()) === "PONG";
      } catch {
        return false;
      }
    },
    async depth() {
      const names = Object.keys(jobSchemas) as JobName[];
      const counts = await Promise.all(
        names.map((name) => queueFor(name).getJobCounts("waiting", "delayed", "active", "prioritized")),
      );
      return names.flatMap((queue, i) =>
        Object.entries(counts[i] ?? {}).map(([state, count]) => ({ queue, state, count })),
      );
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
