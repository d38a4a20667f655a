import type { Logger } from "pino";
import { isAppError, toAppError } from "../core/platform/errors.ts";
import {
  defaultRetryPolicy,
  type JobName,
  type JobPayload,
  type JobProcessors,
  type JobQueue,
  type JobToAdd,
  jobSchemas,
  type RetryPolicy,
} from "../core/platform/jobs.ts";
import { processMetrics } from "../core/platform/metrics.ts";
import { retryDelay } from "../core/platform/retry-delay.ts";

interface Pending {
  name: JobName;
  jobId: string;
  data: unknown;
  attemptsMade: number;
}

// Remembered finished ids, like BullMQ's retained completed jobs: re-adding one of these is a no-op.
const REMEMBER_FINISHED = 100_000;

/**
 * The embedded default when REDIS_URL is unset: the same processors, job ids and retry policy as the BullMQ
 * workers, run in this process. Work in flight is lost on a crash, but the fan-out sweeper re-enqueues it.
 */
export function createInProcessQueue(opts: {
  logger: Logger;
  concurrency: number;
  retry?: RetryPolicy;
}): JobQueue & { start(processors: JobProcessors): void; drain(): Promise<void> } {
  const retry = opts.retry ?? defaultRetryPolicy;
  const known = new Set<string>();
  const finished: string[] = [];
  const ready: Pending[] = [];
  // Delayed jobs (their queue, for the metrics scrape) and jobs running, by queue.
  const timers = new Map<NodeJS.Timeout, JobName>();
  const active = new Map<JobName, number>();
  let processors: JobProcessors | undefined;
  let running = 0;
  let closing = false;
  let idleWaiters: (() => void)[] = [];

  const isIdle = () => running === 0 && ready.length === 0 && timers.size === 0;
  const notifyIdle = () => {
    if (!isIdle()) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const pump = () => {
    while (processors && !closing && running < opts.concurrency && ready.length > 0) {
      const job = ready.shift() as Pending;
      running++;
      active.set(job.name, (active.get(job.name) ?? 0) + 1);
      void run(job).finally(() => {
        running--;
        active.set(job.name, (active.get(job.name) ?? 1) - 1);
        pump();
        notifyIdle();
      });
    }
  };

  const run = async (job: Pending) => {
    const processor = processors?.[job.name] as ((data: unknown, ctx: object) => Promise<void>) | undefined;
    if (!processor) return;
    const attempt = job.attemptsMade + 1;
    try {
      await processor(jobSchemas[job.name].parse(job.data), { jobId: job.jobId, attempt, maxAttempts: retry.attempts });
      processMetrics().jobFinished(job.name, "completed");
      forget(job.jobId);
    } catch (err) {
      const retryable = !isAppError(err) || err.retryable;
      if (retryable && attempt < retry.attempts && !closing) {
        processMetrics().jobFinished(job.name, "retried");
        const delay = retryDelay(retry, attempt, err);
        const timer = setTimeout(() => {
          timers.delete(timer);
          ready.push({ ...job, attemptsMade: attempt });
          pump();
        }, delay);
        timers.set(timer, job.name);
        return;
      }
      processMetrics().jobFinished(job.name, "failed");
      opts.logger.error({ jobId: job.jobId, err: toAppError(err).message }, "job failed for good");
      // Not remembered: a job that died without recording an outcome (say, Postgres was down for its every
      // attempt) must stay re-addable, or the resume sweep could never run its execution again.
      known.delete(job.jobId);
    }
  };

  const forget = (jobId: string) => {
    finished.push(jobId);
    if (finished.length > REMEMBER_FINISHED) known.delete(finished.shift() as string);
  };

  const enqueue = <N extends JobName>(name: N, job: JobToAdd<N>) => {
    if (closing || known.has(job.jobId)) return;
    known.add(job.jobId);
    const pending: Pending = { name, jobId: job.jobId, data: job.data as JobPayload<N>, attemptsMade: 0 };
    if (job.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        ready.push(pending);
        pump();
      }, job.delayMs);
      timers.set(timer, name);
    } else {
      ready.push(pending);
    }
  };

  return {
    async add(name, job) {
      jobSchemas[name].parse(job.data);
      enqueue(name, job);
      pump();
    },
    async addBulk(name, jobs) {
      for (const job of jobs) enqueue(name, job);
      pump();
    },
    async ping() {
      return true;
    },
    async depth() {
      const counts = new Map<string, number>();
      const count = (queue: JobName, state: string) =>
        counts.set(`${queue}|${state}`, (counts.get(`${queue}|${state}`) ?? 0) + 1);
      for (const job of ready) count(job.name, "waiting");
      for (const name of timers.values()) count(name, "delayed");
      const out = [...counts].map(([key, n]) => {
        const [queue = "", state = ""] = key.split("|");
        return { queue, state, count: n };
      });
      for (const [queue, n] of active) out.push({ queue, state: "active", count: n });
      return out;
    },
    start(p) {
      processors = p;
      pump();
    },
    drain() {
      return isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closing = true;
      for (const timer of timers.keys()) clearTimeout(timer);
      timers.clear();
      ready.length = 0;
      if (running > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
