import type { Logger } from "pino";
import { resumeUnfinishedWork } from "../core/copying/resume-unfinished-work.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import { type Periodic, runEvery } from "./run-every.ts";

export type ResumeSweep = Periodic;

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
  return runEvery(
    "resume sweep",
    deps.intervalMs,
    async () => {
      await resumeUnfinishedWork(deps);
    },
    deps.logger,
  );
}
