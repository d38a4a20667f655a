import type { Logger } from "pino";
import { resumeUnfinishedWork } from "../core/copying/resume-unfinished-work.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { JobQueue } from "../core/platform/jobs.ts";

export interface ResumeSweep {
  stop(): Promise<void>;
}

/**
 * Runs resumeUnfinishedWork every `intervalMs` for as long as the worker lives, not only at start-up: a Redis
 * that restarts without its data forgets queued jobs while every worker keeps running.
 */
export function startResumeSweep(deps: {
  db: DbClient;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  intervalMs: number;
  staleAfterMs: number;
}): ResumeSweep {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped || deps.intervalMs <= 0) return;
    timer = setTimeout(() => {
      running = sweep().finally(schedule);
    }, deps.intervalMs);
    // The sweep alone never keeps a process alive.
    timer.unref();
  };
  const sweep = async () => {
    try {
      await resumeUnfinishedWork(deps);
    } catch (err) {
      // Postgres or Redis is away; the next round tries again.
      deps.logger.warn({ err: (err as Error).message }, "resume sweep failed");
    }
  };

  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
