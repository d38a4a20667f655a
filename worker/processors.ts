import type { Logger } from "pino";
import type { ExecuteSubscriptionDeps } from "../core/copying/execute-subscription.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { JobProcessors, JobQueue } from "../core/platform/jobs.ts";
import { executeSubscriptionProcessor } from "./jobs/execute-subscription.ts";
import { fanOutSignalProcessor } from "./jobs/fan-out-signal.ts";

export interface WorkerDeps extends ExecuteSubscriptionDeps {
  db: DbClient;
  queue: JobQueue;
  logger: Logger;
}

export function buildProcessors(deps: WorkerDeps): JobProcessors {
  return {
    "fan-out-signal": fanOutSignalProcessor(deps),
    "execute-subscription": executeSubscriptionProcessor(deps),
  };
}
