import type { Logger } from "pino";
import type { SignalAction } from "../../generated/prisma/client.ts";
import { mainLegOf } from "../orders/client-order-id.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type JobQueue, jobIds } from "../platform/jobs.ts";
import type { Sql } from "../platform/sql.ts";
import { insertExecutionPage, insertPausedHolderExecutions } from "./insert-execution-page.ts";

// The first followers' jobs are enqueued before the rest are even written, so the first order leaves within
// milliseconds; later chunks are large because per-statement overhead is what a 10,000-follower fan-out pays.
const CHUNKS = [32, 256, 1000];
const chunkSize = (index: number) => CHUNKS[Math.min(index, CHUNKS.length - 1)] as number;
// Each later page is split into this many queue jobs, of at least MIN_BATCH followers. A worker takes its jobs
// one Redis round trip after another before it starts any of them, and under load each of those waits for a
// turn of a busy event loop: 23 jobs of 32 for a page of 712 followers reached the worker 90 ms after they were
// queued. Four jobs still spread a page over four workers. The first page is one job.
const JOBS_PER_PAGE = 4;
const MIN_BATCH = 32;

/** One page of followers as the followers of its queue jobs: JOBS_PER_PAGE of them, none under MIN_BATCH. */
export function splitIntoJobs(ids: readonly string[]): string[][] {
  const size = Math.max(MIN_BATCH, Math.ceil(ids.length / JOBS_PER_PAGE));
  const jobs: string[][] = [];
  for (let i = 0; i < ids.length; i += size) jobs.push(ids.slice(i, i + size));
  return jobs;
}

/**
 * Turns one signal into one execution row per active subscription (and per paused one still holding a trade of
 * the strategy in the symbol, which a close or reversal must reach) and a job per batch of them. Rows are
 * written before the jobs exist, rows are keyed by (signal, subscription) and batches by signal and first
 * follower, so running this twice creates nothing new.
 */
export async function fanOutSignal(
  input: { signalId: string; strategyId?: string; action?: SignalAction; symbol?: string },
  deps: { db: DbClient; sql: Sql; queue: JobQueue; logger: Logger; prices?: { warmPrice(symbol: string): void } },
): Promise<{ executions: number }> {
  const { db, queue } = deps;
  // Every follower sizes on this price. Fetched now, it is cached by the time the first batch asks for it,
  // which takes a round trip to the exchange off the first orders' path.
  if (input.symbol) deps.prices?.warmPrice(input.symbol);
  // The webhook passes what the fan-out needs, which saves a round trip before the first order; jobs queued
  // by the resume sweep carry only the id.
  const signal =
    input.strategyId && input.action && input.symbol
      ? { id: input.signalId, strategyId: input.strategyId, action: input.action, symbol: input.symbol }
      : await db.signal.findUnique({
          where: { id: input.signalId },
          select: { id: true, strategyId: true, action: true, symbol: true },
        });
  if (!signal) return { executions: 0 };
  // A paused strategy's signals stay on record (dispatched, so the resume sweep leaves them) and reach no one.
  const paused = await deps.sql.query(`SELECT 1 FROM "Strategy" WHERE "id" = $1 AND "pausedAt" IS NOT NULL`, [
    signal.strategyId,
  ]);
  if (paused.length) {
    await deps.sql.query(`UPDATE "Signal" SET "status" = 'dispatched' WHERE "id" = $1`, [signal.id]);
    deps.logger.info({ signalId: signal.id }, "strategy paused: signal recorded, not fanned out");
    return { executions: 0 };
  }

  const leg = mainLegOf(signal.action);
  let total = 0;
  let after: string | null = null;
  for (let n = 0; ; n++) {
    // Paged by id, so the first page is read, written and enqueued before the rest is even read.
    const page = await insertExecutionPage(deps.sql, {
      signalId: signal.id,
      strategyId: signal.strategyId,
      leg,
      after,
      limit: chunkSize(n),
    });
    if (page.length === 0) break;
    after = page[page.length - 1]?.subscriptionId ?? null;
    total += page.length;
    const batches = splitIntoJobs(page.map((s) => s.subscriptionId));
    await queue.addBulk(
      "execute-batch",
      batches.map((subscriptionIds) => ({
        data: { signalId: signal.id, subscriptionIds },
        jobId: jobIds.executeBatch(signal.id, subscriptionIds[0] as string),
      })),
    );
  }
  const holders = await insertPausedHolderExecutions(deps.sql, {
    signalId: signal.id,
    strategyId: signal.strategyId,
    symbol: signal.symbol,
    leg,
  });
  if (holders.length) {
    total += holders.length;
    await queue.addBulk(
      "execute-batch",
      splitIntoJobs(holders.map((s) => s.subscriptionId)).map((subscriptionIds) => ({
        data: { signalId: signal.id, subscriptionIds },
        jobId: jobIds.executeBatch(signal.id, subscriptionIds[0] as string),
      })),
    );
  }
  // Plain SQL like the pages: at 50 signals/s of small strategies this statement is most of a fan-out's cost.
  await deps.sql.query(`UPDATE "Signal" SET "status" = 'dispatched' WHERE "id" = $1`, [signal.id]);
  deps.logger.info({ signalId: signal.id, executions: total }, "signal fanned out");
  return { executions: total };
}
