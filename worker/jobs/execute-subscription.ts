import { type ExecuteSubscriptionDeps, executeSubscription } from "../../core/copying/execute-subscription.ts";
import type { JobProcessor } from "../../core/platform/jobs.ts";

export function executeSubscriptionProcessor(deps: ExecuteSubscriptionDeps): JobProcessor<"execute-subscription"> {
  return async (data, ctx) => {
    const logger = deps.logger.child({
      jobId: ctx.jobId,
      signalId: data.signalId,
      subscriptionId: data.subscriptionId,
    });
    const { priorAttempts = 0, ...ids } = data;
    await executeSubscription(
      { ...ids, attempt: priorAttempts + ctx.attempt, maxAttempts: ctx.maxAttempts },
      { ...deps, logger },
    );
  };
}
