import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DbClient } from "./db-client.ts";
import type { JobQueue } from "./jobs.ts";

/** A queue's jobs by state at scrape time (waiting, delayed, active, ...). */
export interface QueueDepth {
  queue: string;
  state: string;
  count: number;
}

/**
 * Every metric Mimic exports, on one registry. Hot paths call these methods, never prom-client directly, so
 * that what a metric means (its labels, its unit) is decided here once.
 */
export interface Metrics {
  registry: Registry;
  signalReceived(strategy: string, source: "tradingview" | "discord"): void;
  executionFinished(status: string, errorCode: string | null | undefined): void;
  orderPlaced(venue: string, seconds: number, outcome: "ok" | "error"): void;
  exchangeError(venue: string, code: string): void;
  jobFinished(queue: string, outcome: "completed" | "retried" | "failed"): void;
  notificationSent(transport: string, outcome: string): void;
  /** A tick of the reconciliation loop: its duration counts when it took accounts, its end always. */
  reconcileCycle(seconds: number, accounts: number): void;
  /** Read at each scrape: where this process's queues stand. */
  observeQueues(read: () => Promise<QueueDepth[]>): void;
  /** Read at each scrape: notifications waiting in the outbox. */
  observeNotificationBacklog(read: () => Promise<number>): void;
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (opts.defaults) collectDefaultMetrics({ register: registry, prefix: "mimic_" });

  const signals = new Counter({
    name: "mimic_signals_received_total",
    help: "Signals recorded (duplicates excluded), by strategy slug and source.",
    labelNames: ["strategy", "source"],
    registers,
  });
  const executions = new Counter({
    name: "mimic_executions_total",
    help: "Executions finished, by status and error code (none when it has none).",
    labelNames: ["status", "error_code"],
    registers,
  });
  const orderLatency = new Histogram({
    name: "mimic_order_latency_seconds",
    help: "Time from sending an order to the venue's answer, by venue and outcome.",
    labelNames: ["venue", "outcome"],
    // An order on a fast venue answers in ~5-50 ms; a timeout is EXCHANGE_TIMEOUT_MS (10 s by default).
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const exchangeErrors = new Counter({
    name: "mimic_exchange_errors_total",
    help: "Exchange calls that failed, by venue and Mimic error code.",
    labelNames: ["venue", "code"],
    registers,
  });
  const jobs = new Counter({
    name: "mimic_jobs_total",
    help: "Job attempts by queue and outcome: completed, retried (will run again) or failed (for good).",
    labelNames: ["queue", "outcome"],
    registers,
  });
  const notifications = new Counter({
    name: "mimic_notifications_total",
    help: "Notification deliveries by transport and outcome (sent, dropped, skipped, error).",
    labelNames: ["transport", "outcome"],
    registers,
  });
  const reconcile = new Histogram({
    name: "mimic_reconcile_cycle_seconds",
    help: "Duration of a reconciliation cycle that had accounts to reconcile (all its rounds).",
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const reconciled = new Counter({
    name: "mimic_reconcile_accounts_total",
    help: "Account turns taken by reconciliation.",
    registers,
  });
  const lastReconcile = new Gauge({
    name: "mimic_reconcile_last_cycle_timestamp_seconds",
    help: "When this process last finished a reconciliation cycle (Unix time).",
    registers,
  });

  // Scrape-time readers: the first source registered wins, since a process has one queue and one outbox.
  let queues: (() => Promise<QueueDepth[]>) | undefined;
  let backlog: (() => Promise<number>) | undefined;
  new Gauge({
    name: "mimic_queue_depth",
    help: "Jobs in this process's queues by state (waiting, delayed, active, prioritized).",
    labelNames: ["queue", "state"],
    registers,
    async collect() {
      if (!queues) return;
      this.reset();
      // A scrape must answer even when Redis does not: the series are then absent for this scrape.
      for (const d of await queues().catch(() => [])) this.set({ queue: d.queue, state: d.state }, d.count);
    },
  });
  new Gauge({
    name: "mimic_notification_backlog",
    help: "Notifications pending in the outbox.",
    registers,
    async collect() {
      if (!backlog) return;
      const n = await backlog().catch(() => undefined);
      if (n !== undefined) this.set(n);
    },
  });

  return {
    registry,
    signalReceived: (strategy, source) => signals.inc({ strategy, source }),
    executionFinished: (status, errorCode) => executions.inc({ status, error_code: errorCode ?? "none" }),
    orderPlaced: (venue, seconds, outcome) => orderLatency.observe({ venue, outcome }, seconds),
    exchangeError: (venue, code) => exchangeErrors.inc({ venue, code }),
    jobFinished: (queue, outcome) => jobs.inc({ queue, outcome }),
    notificationSent: (transport, outcome) => notifications.inc({ transport, outcome }),
    reconcileCycle(seconds, accounts) {
      // Most ticks find no turn due: their few microseconds would drown the cycles that did work.
      if (accounts > 0) {
        reconcile.observe(seconds);
        reconciled.inc(accounts);
      }
      lastReconcile.set(Date.now() / 1000);
    },
    observeQueues(read) {
      queues ??= read;
    },
    observeNotificationBacklog(read) {
      backlog ??= read;
    },
  };
}

let current: Metrics | undefined;

/**
 * The process's metrics, created on first use with Node's default metrics. Tests that need a clean registry
 * build their own with `createMetrics` and hand it to what they test; code on hot paths reads this one.
 */
export function processMetrics(): Metrics {
  current ??= createMetrics({ defaults: true });
  return current;
}

/** What every process reports at scrape time whatever it runs: its queues, and the outbox they share. */
export function observeRuntime(metrics: Metrics, deps: { db: DbClient; queue?: JobQueue }): void {
  const { queue } = deps;
  if (queue?.depth) metrics.observeQueues(() => queue.depth?.() ?? Promise.resolve([]));
  metrics.observeNotificationBacklog(() => deps.db.notification.count({ where: { status: "pending" } }));
}
