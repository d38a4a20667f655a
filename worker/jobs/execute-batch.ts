import { type ExecuteBatchDeps, executeBatch } from "../../core/copying/execute-batch.ts";
import type { JobProcessor } from "../../core/platform/jobs.ts";

export function executeBatchProcessor(deps: ExecuteBatchDeps): JobProcessor<"execute-batch"> {
  return async (data, ctx) => {
    await executeBatch(data, { ...deps, logger: deps.logger.child({ jobId: ctx.jobId }) });
  };
}
