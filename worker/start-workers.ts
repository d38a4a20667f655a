import { resumeUnfinishedWork } from "../core/copying/resume-unfinished-work.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import type { Runtime } from "../core/platform/runtime.ts";
import { startBullmqWorkers } from "./bullmq-workers.ts";
import { createInProcessQueue } from "./in-process-queue.ts";
import { buildProcessors } from "./processors.ts";

export interface StartedWorkers {
  /** Where new work is enqueued: BullMQ with Redis, this process's own queue without. */
  queue: JobQueue;
  mode: "bullmq" | "in-process";
  close(): Promise<void>;
}

/** Runs the job processors on BullMQ when Redis is configured, otherwise in this process with the same semantics. */
export async function startWorkers(rt: Runtime): Promise<StartedWorkers> {
  const base = { db: rt.db.prisma, exchanges: rt.exchanges, clock: rt.clock, logger: rt.logger };
  const concurrency = rt.env.WORKER_CONCURRENCY;
  let started: StartedWorkers;
  if (rt.redis) {
    const { connection, queue } = rt.redis;
    const workers = startBullmqWorkers({
      connection,
      processors: buildProcessors({ ...base, queue }),
      concurrency: { "fan-out-signal": 2, "execute-subscription": concurrency },
      logger: rt.logger,
      prefix: rt.env.QUEUE_PREFIX,
    });
    started = { queue, mode: "bullmq", close: () => workers.close() };
  } else {
    const queue = createInProcessQueue({ logger: rt.logger, concurrency });
    queue.start(buildProcessors({ ...base, queue }));
    started = { queue, mode: "in-process", close: () => queue.close() };
  }
  await resumeUnfinishedWork({ db: rt.db.prisma, queue: started.queue, clock: rt.clock, logger: rt.logger });
  return started;
}
