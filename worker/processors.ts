import pLimit, { type LimitFunction } from "p-limit";
import type { Logger } from "pino";
import { createExecutionLedger } from "../core/copying/execution-ledger.ts";
import { createSignalCache } from "../core/copying/signal-cache.ts";
import type { ExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import type { Notifier } from "../core/notifications/notification-message.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import {
  defaultRetryPolicy,
  type JobProcessors,
  type JobQueue,
  notifyJobOf,
  type RetryPolicy,
} from "../core/platform/jobs.ts";
import type { LiveEventPublisher } from "../core/platform/live-events.ts";
import type { Sql } from "../core/platform/sql.ts";
import { executeBatchProcessor } from "./jobs/execute-batch.ts";
import { executeSubscriptionProcessor } from "./jobs/execute-subscription.ts";
import { fanOutSignalProcessor } from "./jobs/fan-out-signal.ts";
import { sendNotificationProcessor } from "./jobs/send-notification.ts";

export interface WorkerDeps {
  db: DbClient;
  sql: Sql;
  queue: JobQueue;
  exchanges: ExchangeResolver;
  clock: Clock;
  logger: Logger;
  /** The chat transports this process delivers notifications for; it takes no other transport's jobs. */
  notifiers?: Notifier[];
  /** Followers' orders in flight at once in this process, whether from batches or single retries. */
  concurrency: number;
  /** The queue's retry policy: a batch hands a follower on to a single job under the same budget. */
  retry?: RetryPolicy;
  /** Executions finished and trades opened or closed are announced here (the admin page's live view). */
  events?: LiveEventPublisher;
  /** PLAN_GRACE_HOURS (core/billing/plan-grace.ts); default 24. */
  planGraceHours?: number;
}

export interface ExecutionSlots {
  /** Followers whose exchange work is in flight. */
  slots: LimitFunction;
  /** Followers read and not yet recorded: enough ahead of the exchange slots to keep them busy. */
  admit: LimitFunction;
  /** True while this process is copying a signal: periodic bookkeeping (reconciliation) waits for it. */
  busy(): boolean;
}

export function createExecutionSlots(concurrency: number): ExecutionSlots {
  const slots = pLimit(concurrency);
  const admit = pLimit(concurrency * 4);
  return {
    slots,
    admit,
    busy: () => slots.activeCount + slots.pendingCount + admit.activeCount + admit.pendingCount > 0,
  };
}

export function buildProcessors(deps: WorkerDeps & { executionSlots?: ExecutionSlots }): JobProcessors {
  // One ledger and signal cache per process, so concurrent jobs share their batches and reads.
  const ledger = createExecutionLedger(deps.db, deps.sql, {
    events: deps.events,
    planGraceHours: deps.planGraceHours,
  });
  const signals = createSignalCache(deps.db);
  const { slots, admit } = deps.executionSlots ?? createExecutionSlots(deps.concurrency);
  const retry = deps.retry ?? defaultRetryPolicy;
  return {
    "fan-out-signal": fanOutSignalProcessor(deps),
    "execute-batch": executeBatchProcessor({ ...deps, ledger, signals, slots, admit, retry }),
    "execute-subscription": executeSubscriptionProcessor({ ...deps, ledger, signals, slots }),
    ...Object.fromEntries(
      (deps.notifiers ?? []).map((notifier) => [
        notifyJobOf[notifier.transport],
        sendNotificationProcessor({ ...deps, notifier }),
      ]),
    ),
  };
}
