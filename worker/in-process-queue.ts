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
  const timers = new Set<NodeJS.Timeout>();
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
      void run(job).finally(() => {
        running--;
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
      forget(job.jobId);
    } catch (err) {
      const retryable = !isAppError(err) || err.retryable;
      if (retryable && attempt < retry.attempts && !closing) {
        const delay = retryDelay(retry, attempt, err);
        const timer = setTimeout(() => {
          timers.delete(timer);
          ready.push({ ...job, attemptsMade: attempt });
          pump();
        }, delay);
        timers.add(timer);
        return;
      }
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
      timers.add(timer);
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
    start(p) {
      processors = p;
      pump();
    },
    drain() {
      return isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      ready.length = 0;
      if (running > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
