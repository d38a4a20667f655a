import type { LimitFunction } from "p-limit";
import { type JobQueue, jobIds, type RetryPolicy } from "../platform/jobs.ts";
import { retryDelay } from "../platform/retry-delay.ts";
import { type ExecuteSubscriptionDeps, executeSubscription } from "./execute-subscription.ts";

export interface ExecuteBatchDeps extends ExecuteSubscriptionDeps {
  queue: JobQueue;
  retry: RetryPolicy;
  /**
   * Shared by every batch in this process: bounds the followers between being read and being recorded, so
   * that batches of hundreds, many at a time, do not hold every follower of a large fan-out in memory at once.
   */
  admit: LimitFunction;
}

/**
 * Copies one signal to a batch of followers: one queue job for many orders, because per-job queue work was a
 * fifth of the cost of an order. Each follower is on its own: a follower that needs a retry continues as a job
 * of its own (the id the resume sweep would use), so neither the batch nor its other followers wait for it.
 */
export async function executeBatch(
  input: { signalId: string; subscriptionIds: string[] },
  deps: ExecuteBatchDeps,
): Promise<void> {
  const { signalId } = input;
  await Promise.all(
    input.subscriptionIds.map((subscriptionId) => deps.admit(() => executeOne(signalId, subscriptionId, deps))),
  );
}

async function executeOne(signalId: string, subscriptionId: string, deps: ExecuteBatchDeps): Promise<void> {
  const logger = deps.logger.child({ signalId, subscriptionId });
  try {
    const result = await executeSubscription(
      { signalId, subscriptionId, attempt: 1, maxAttempts: deps.retry.attempts },
      { ...deps, logger },
    );
    if (result.waitMs !== undefined) {
      await deps.queue.add("execute-subscription", {
        data: { signalId, subscriptionId, waits: 1 },
        jobId: jobIds.executeAfterWait(signalId, subscriptionId, 1),
        delayMs: result.waitMs,
      });
    }
  } catch (err) {
    // executeSubscription throws only to ask for another attempt. If this enqueue fails, the batch fails and
    // is retried as a whole; followers already done are skipped then.
    await deps.queue.add("execute-subscription", {
      data: { signalId, subscriptionId, priorAttempts: 1 },
      jobId: jobIds.execute(signalId, subscriptionId),
      delayMs: retryDelay(deps.retry, 1, err),
    });
  }
}
