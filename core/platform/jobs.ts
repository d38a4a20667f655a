import { z } from "zod";
import type { QueueDepth } from "./metrics.ts";

// The contract between whoever enqueues (api, worker) and whoever processes (worker, or in-process on the
// embedded default). Payloads are parsed with these schemas when a job starts; ids are deterministic, so
// enqueueing the same work twice is a no-op.
export const jobSchemas = {
  "fan-out-signal": z.object({
    signalId: z.uuid(),
    // Optional: the webhook knows them; the resume sweep does not.
    strategyId: z.uuid().optional(),
    action: z.enum(["long", "short", "close"]).optional(),
    // Normalised symbol, so the worker can fetch its price while it writes the first page.
    symbol: z.string().min(1).max(64).optional(),
  }),
  "execute-batch": z.object({ signalId: z.uuid(), subscriptionIds: z.array(z.uuid()).min(1).max(1000) }),
  "execute-subscription": z.object({
    signalId: z.uuid(),
    subscriptionId: z.uuid(),
    // Attempts already made elsewhere (in a batch) before this job was queued.
    priorAttempts: z.number().int().min(0).optional(),
    // How many times it has waited for an earlier signal on its symbol (each wait is a job of its own).
    waits: z.number().int().min(0).optional(),
  }),
  // One queue per chat transport, so each bot process takes only what it can deliver.
  notify: z.object({ notificationId: z.uuid() }),
  "notify-discord": z.object({ notificationId: z.uuid() }),
  // A Telegram update that `npm run api` took on the webhook, for the bot process (`npm run bot`) to handle.
  // Only its id is checked: the API holds no bot, and grammY reads the rest.
  "telegram-update": z.object({ update: z.looseObject({ update_id: z.int().min(0) }) }),
} as const;

export type JobName = keyof typeof jobSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;

export interface JobToAdd<N extends JobName> {
  data: JobPayload<N>;
  jobId: string;
  delayMs?: number;
}

export interface JobQueue {
  add<N extends JobName>(name: N, job: JobToAdd<N>): Promise<void>;
  addBulk<N extends JobName>(name: N, jobs: JobToAdd<N>[]): Promise<void>;
  /** True when the queue's backend answers. */
  ping(): Promise<boolean>;
  /** Jobs by queue and state, for the metrics scrape; absent on test fakes. */
  depth?(): Promise<QueueDepth[]>;
  close(): Promise<void>;
}

// BullMQ reserves ":" in custom ids, so ids are joined with "_".
export const jobIds = {
  fanOut: (signalId: string) => `fanout_${signalId}`,
  execute: (signalId: string, subscriptionId: string) => `exec_${signalId}_${subscriptionId}`,
  // The n-th turn-wait of an execution: a fresh id, since the job that decided to wait has completed.
  executeAfterWait: (signalId: string, subscriptionId: string, waits: number) =>
    `exec_${signalId}_${subscriptionId}_w${waits}`,
  // What the resume sweep queues: named by the execution's last change, so a later sweep can re-run it again
  // whatever ids completed before.
  resumeExecution: (signalId: string, subscriptionId: string, updatedAt: Date) =>
    `exec_${signalId}_${subscriptionId}_r${updatedAt.getTime()}`,
  // A batch is named by its first follower: the fan-out pages in id order, so a re-run names it the same.
  executeBatch: (signalId: string, firstSubscriptionId: string) => `execb_${signalId}_${firstSubscriptionId}`,
  notify: (notificationId: string) => `notify_${notificationId}`,
  // Telegram redelivers an update it thinks was not taken: the same id makes the redelivery the same job.
  telegramUpdate: (updateId: number) => `tgupd_${updateId}`,
};

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 8, backoffMs: 250, maxBackoffMs: 30_000 };

export function backoffDelay(policy: RetryPolicy, attemptsMade: number): number {
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attemptsMade - 1));
}

export interface JobContext {
  jobId: string;
  /** 1-based number of this attempt. */
  attempt: number;
  maxAttempts: number;
}

export type JobProcessor<N extends JobName> = (data: JobPayload<N>, ctx: JobContext) => Promise<void>;
// Notifications run only where their chat transport can deliver (its bot token is configured).
export type NotifyJobName = "notify" | "notify-discord";
// Telegram updates run only in the bot process (`bots/telegram/consume-updates.ts`), never in workers.
type OptionalJobName = NotifyJobName | "telegram-update";
export type JobProcessors = { [N in Exclude<JobName, OptionalJobName>]: JobProcessor<N> } & {
  [N in OptionalJobName]?: JobProcessor<N>;
};

/** The notification queue of a chat transport. */
export const notifyJobOf = { telegram: "notify", discord: "notify-discord" } as const satisfies Record<
  "telegram" | "discord",
  NotifyJobName
>;
