import type { Logger } from "pino";
import { clientOrderIdFor, mainLegOf } from "../orders/client-order-id.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type JobQueue, jobIds } from "../platform/jobs.ts";
import { insertExecutions } from "./insert-executions.ts";

// The first followers' jobs are enqueued before the rest are even written, so the first order leaves within
// milliseconds; later chunks are large because per-statement overhead is what a 10,000-follower fan-out pays.
const CHUNKS = [32, 256, 1000];
const chunkSize = (index: number) => CHUNKS[Math.min(index, CHUNKS.length - 1)] as number;

/**
 * Turns one signal into one execution row and one job per active subscription. Rows are written before the
 * jobs exist, and both are keyed by (signal, subscription), so running this twice creates nothing new.
 */
export async function fanOutSignal(
  input: { signalId: string },
  deps: { db: DbClient; queue: JobQueue; logger: Logger },
): Promise<{ executions: number }> {
  const { db, queue } = deps;
  const signal = await db.signal.findUnique({
    where: { id: input.signalId },
    select: { id: true, strategyId: true, action: true },
  });
  if (!signal) return { executions: 0 };

  const leg = mainLegOf(signal.action);
  let total = 0;
  let cursor: string | undefined;
  for (let n = 0; ; n++) {
    // Paged by id, so the first page is read, written and enqueued before the rest is even read.
    const chunk = await db.subscription.findMany({
      where: { strategyId: signal.strategyId, status: "active", account: { status: "active" } },
      select: { id: true, accountId: true },
      orderBy: { id: "asc" },
      take: chunkSize(n),
      ...(cursor && { cursor: { id: cursor }, skip: 1 }),
    });
    if (chunk.length === 0) break;
    cursor = chunk[chunk.length - 1]?.id;
    total += chunk.length;
    await insertExecutions(
      db,
      signal.id,
      chunk.map((s) => ({
        subscriptionId: s.id,
        accountId: s.accountId,
        clientOrderId: clientOrderIdFor(signal.id, s.id, leg),
      })),
    );
    await queue.addBulk(
      "execute-subscription",
      chunk.map((s) => ({
        data: { signalId: signal.id, subscriptionId: s.id },
        jobId: jobIds.execute(signal.id, s.id),
      })),
    );
  }
  await db.signal.update({ where: { id: signal.id }, data: { status: "dispatched" } });
  deps.logger.info({ signalId: signal.id, executions: total }, "signal fanned out");
  return { executions: total };
}
