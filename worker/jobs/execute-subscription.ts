import { type ExecuteSubscriptionDeps, executeSubscription } from "../../core/copying/execute-subscription.ts";
import { type JobProcessor, type JobQueue, jobIds } from "../../core/platform/jobs.ts";

// An execution waiting for an earlier one on its symbol gives up after this many turns (minutes of waiting):
// then it runs, rather than wait on work that will never finish.
const MAX_WAITS = 1_200;

export function executeSubscriptionProcessor(
  deps: ExecuteSubscriptionDeps & { queue: JobQueue },
): JobProcessor<"execute-subscription"> {
  return async (data, ctx) => {
    const logger = deps.logger.child({
      jobId: ctx.jobId,
      signalId: data.signalId,
      subscriptionId: data.subscriptionId,
    });
    const { priorAttempts = 0, waits = 0, ...ids } = data;
    const result = await executeSubscription(
      { ...ids, attempt: priorAttempts + ctx.attempt, maxAttempts: ctx.maxAttempts, overtake: waits >= MAX_WAITS },
      { ...deps, logger },
    );
    if (result.waitMs === undefined) return;
    // Waiting is not an attempt: the next turn is a job of its own with the attempts this one had left.
    await deps.queue.add("execute-subscription", {
      data: { ...ids, priorAttempts: priorAttempts + ctx.attempt - 1, waits: waits + 1 },
      jobId: jobIds.executeAfterWait(ids.signalId, ids.subscriptionId, waits + 1),
      delayMs: result.waitMs,
    });
  };
}
