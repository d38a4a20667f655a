import type { Logger } from "pino";
import { WORKER_ONLINE_MS } from "../../core/admin/online.ts";
import { type ExecutionCounts, executionCounts } from "../../core/admin/signal-detail.ts";
import type { Clock } from "../../core/platform/clock.ts";
import type { DbClient } from "../../core/platform/db-client.ts";
import type { LiveEvent, LiveEvents } from "../../core/platform/live-events.ts";

/** What a page receives: the bus's events, with each signal's executions as counts by status. */
export type PageEvent =
  | Exclude<LiveEvent, { type: "execution" }>
  | { type: "executions"; signalId: string; counts: ExecutionCounts };

const COUNTS_FRESH_MS = 400;
const WORKER_POLL_MS = 10_000;

/**
 * One per API process: subscribes to the bus while pages are connected, watches heartbeats for workers coming
 * and going, and reads a signal's execution counts at most every 400 ms however many pages ask.
 */
export function createLiveHub(deps: { db: DbClient; clock: Clock; events?: LiveEvents; logger: Logger }) {
  const pages = new Set<(events: LiveEvent[]) => void>();
  const counts = new Map<string, { at: number; value: Promise<ExecutionCounts> }>();
  let unsubscribe: (() => void) | undefined;
  let workerTimer: NodeJS.Timeout | undefined;
  let online: Set<string> | undefined;

  const broadcast = (events: LiveEvent[]) => {
    for (const page of pages) page(events);
  };
  const pollWorkers = async () => {
    try {
      const since = new Date(deps.clock.now().getTime() - WORKER_ONLINE_MS);
      const rows = await deps.db.workerHeartbeat.findMany({ where: { seenAt: { gte: since } }, select: { id: true } });
      const now = new Set(rows.map((r) => r.id));
      const before = online;
      online = now;
      if (!before) return;
      const changes: LiveEvent[] = [
        ...[...now]
          .filter((id) => !before.has(id))
          .map((id) => ({ type: "worker" as const, id, state: "up" as const })),
        ...[...before]
          .filter((id) => !now.has(id))
          .map((id) => ({ type: "worker" as const, id, state: "down" as const })),
      ];
      if (changes.length) broadcast(changes);
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, "worker heartbeats not read");
    }
  };

  return {
    /** A page's listener; the returned function detaches it (the last one stops the hub's work). */
    attach(listener: (events: LiveEvent[]) => void): () => void {
      pages.add(listener);
      if (pages.size === 1) {
        unsubscribe = deps.events?.subscribe(broadcast);
        void pollWorkers();
        workerTimer = setInterval(() => void pollWorkers(), WORKER_POLL_MS).unref();
      }
      return () => {
        pages.delete(listener);
        if (pages.size) return;
        unsubscribe?.();
        unsubscribe = undefined;
        clearInterval(workerTimer);
        online = undefined;
        counts.clear();
      };
    },
    counts(signalId: string): Promise<ExecutionCounts> {
      const now = Date.now();
      const cached = counts.get(signalId);
      if (cached && now - cached.at < COUNTS_FRESH_MS) return cached.value;
      if (counts.size > 1000) counts.clear();
      const value = executionCounts({ signalId }, deps);
      counts.set(signalId, { at: now, value });
      return value;
    },
    get pages() {
      return pages.size;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
