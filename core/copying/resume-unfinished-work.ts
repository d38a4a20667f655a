import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type JobQueue, jobIds } from "../platform/jobs.ts";

const LOOKBACK_MS = 6 * 3600 * 1000;

/**
 * Re-enqueues fan-outs and executions that a crash may have orphaned (the in-process queue forgets on exit;
 * a process may die between insert and enqueue; a Redis may come back without its data). Job ids are
 * deterministic and executions check their own state, so enqueueing work that is already queued or done
 * changes nothing.
 *
 * `staleAfterMs` leaves alone work that moved recently: after a Redis lost its data, a job still running in a
 * worker is unknown to the new Redis, and re-enqueueing it would run it twice at once.
 */
export async function resumeUnfinishedWork(deps: {
  db: DbClient;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  staleAfterMs?: number;
}): Promise<{ signals: number; executions: number }> {
  const now = deps.clock.now().getTime();
  const since = new Date(now - LOOKBACK_MS);
  const quietSince = new Date(now - (deps.staleAfterMs ?? 0));
  const signals = await deps.db.signal.findMany({
    where: { status: "received", receivedAt: { gte: since, lte: quietSince } },
    select: { id: true },
  });
  await deps.queue.addBulk(
    "fan-out-signal",
    signals.map((s) => ({ data: { signalId: s.id }, jobId: jobIds.fanOut(s.id) })),
  );
  const executions = await deps.db.execution.findMany({
    where: {
      status: { in: ["pending", "placed"] },
      signal: { receivedAt: { gte: since } },
      updatedAt: { lte: quietSince },
      // An order written or answered recently means an attempt is (or just was) in flight.
      orders: { none: { updatedAt: { gt: quietSince } } },
      // An entry zone's execution stays "placed" while its limits rest: reconciliation ends it, not a re-run.
      NOT: { status: "placed", orders: { some: { kind: "entry", type: "limit", status: "open" } } },
    },
    select: { signalId: true, subscriptionId: true, updatedAt: true },
  });
  // At start-up (no staleness asked) work may still be moving in a retry chain of its own: the plain id joins that
  // chain instead of running beside it. The periodic sweep only takes what nobody touched for `staleAfterMs`, and
  // names the job by that last change, so it can re-run an execution whatever job ids completed before.
  const stale = (deps.staleAfterMs ?? 0) > 0;
  await deps.queue.addBulk(
    "execute-subscription",
    executions.map((e) => ({
      data: { signalId: e.signalId, subscriptionId: e.subscriptionId },
      jobId: stale
        ? jobIds.resumeExecution(e.signalId, e.subscriptionId, e.updatedAt)
        : jobIds.execute(e.signalId, e.subscriptionId),
    })),
  );
  if (signals.length || executions.length) {
    deps.logger.info({ signals: signals.length, executions: executions.length }, "resumed unfinished work");
  }
  return { signals: signals.length, executions: executions.length };
}
