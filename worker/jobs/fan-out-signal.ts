import type { Logger } from "pino";
import { fanOutSignal } from "../../core/copying/fan-out-signal.ts";
import type { ExchangeResolver } from "../../core/exchange/exchange-resolver.ts";
import type { DbClient } from "../../core/platform/db-client.ts";
import type { JobProcessor, JobQueue } from "../../core/platform/jobs.ts";
import type { Sql } from "../../core/platform/sql.ts";

export function fanOutSignalProcessor(deps: {
  db: DbClient;
  sql: Sql;
  queue: JobQueue;
  logger: Logger;
  exchanges: ExchangeResolver;
}): JobProcessor<"fan-out-signal"> {
  return async (data, ctx) => {
    await fanOutSignal(data, {
      ...deps,
      prices: deps.exchanges,
      logger: deps.logger.child({ jobId: ctx.jobId, signalId: data.signalId }),
    });
  };
}
