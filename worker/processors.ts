import type { Logger } from "pino";
import { createExecutionLedger } from "../core/copying/execution-ledger.ts";
import { createSignalCache } from "../core/copying/signal-cache.ts";
import type { ExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import type { Notifier } from "../core/notifications/notification-message.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { JobProcessors, JobQueue } from "../core/platform/jobs.ts";
import { executeSubscriptionProcessor } from "./jobs/execute-subscription.ts";
import { fanOutSignalProcessor } from "./jobs/fan-out-signal.ts";
import { sendNotificationProcessor } from "./jobs/send-notification.ts";

export interface WorkerDeps {
  db: DbClient;
  queue: JobQueue;
  exchanges: ExchangeResolver;
  clock: Clock;
  logger: Logger;
  /** Where "notify" jobs are delivered; without one this process does not take them. */
  notifier?: Notifier;
}

export function buildProcessors(deps: WorkerDeps): JobProcessors {
  // One ledger and signal cache per process, so concurrent jobs share their batches and reads.
  const ledger = createExecutionLedger(deps.db);
  const signals = createSignalCache(deps.db);
  return {
    "fan-out-signal": fanOutSignalProcessor(deps),
    "execute-subscription": executeSubscriptionProcessor({ ...deps, ledger, signals }),
    ...(deps.notifier && { notify: sendNotificationProcessor({ ...deps, notifier: deps.notifier }) }),
  };
}
