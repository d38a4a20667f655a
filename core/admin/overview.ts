import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { WORKER_ONLINE_MS } from "./online.ts";

const HOUR_MS = 3_600_000;
const STATUSES = ["pending", "placed", "filled", "failed", "skipped"] as const;

export interface Overview {
  signals: { lastHour: number; lastDay: number };
  /** Executions that changed in the last 24 h, by status. */
  executions: Record<(typeof STATUSES)[number], number>;
  openTrades: number;
  /** Realised today (UTC), net of fees, over trades closed today; unrealised needs the exchanges. */
  pnlToday: string;
  queues: Record<string, number> | null;
  notificationBacklog: number;
  workers: { id: string; kind: string; host: string; pid: number; seenAt: Date; online: boolean }[];
  /** The latest exchange contact any reconciliation cycle tried, and whether it answered. */
  lastReconciliation: { at: Date; ok: boolean } | null;
}

/**
 * The operator's first screen. Every count is bounded by a time window over an index (signals, executions,
 * closes today) or by what is live (open trades, pending notifications), never by the size of the history.
 */
export async function overview(
  _input: Record<string, never>,
  deps: { db: DbClient; clock: Clock; queueDepth?: () => Promise<Record<string, number>> },
): Promise<Overview> {
  const { db } = deps;
  const now = deps.clock.now();
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [lastHour, lastDay, executions, openTrades, closedToday, backlog, workers, lastTry, queues] = await Promise.all(
    [
      db.signal.count({ where: { receivedAt: { gte: hourAgo } } }),
      db.signal.count({ where: { receivedAt: { gte: dayAgo } } }),
      db.execution.groupBy({ by: ["status"], where: { updatedAt: { gte: dayAgo } }, _count: { _all: true } }),
      db.trade.count({ where: { status: { in: ["opening", "open", "closing"] } } }),
      db.trade.findMany({
        where: { status: "closed", closedAt: { gte: midnight } },
        select: { realisedPnl: true, fees: true },
      }),
      db.notification.count({ where: { status: "pending" } }),
      db.workerHeartbeat.findMany({
        where: { seenAt: { gte: dayAgo } },
        orderBy: [{ kind: "asc" }, { seenAt: "desc" }],
        take: 100,
      }),
      db.exchangeAccount.findFirst({
        where: { lastContactTriedAt: { not: null } },
        orderBy: { lastContactTriedAt: "desc" },
        select: { lastContactTriedAt: true, lastContactAt: true },
      }),
      deps.queueDepth ? deps.queueDepth().catch(() => null) : Promise.resolve(null),
    ],
  );
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Overview["executions"];
  for (const e of executions) byStatus[e.status] = e._count._all;
  const pnl = closedToday.reduce((sum, t) => sum.add(dec(t.realisedPnl)).sub(dec(t.fees)), new Decimal(0));
  return {
    signals: { lastHour, lastDay },
    executions: byStatus,
    openTrades,
    pnlToday: pnl.toFixed(2),
    queues,
    notificationBacklog: backlog,
    workers: workers.map((w) => ({
      id: w.id,
      kind: w.kind,
      host: w.host,
      pid: w.pid,
      seenAt: w.seenAt,
      online: now.getTime() - w.seenAt.getTime() <= WORKER_ONLINE_MS,
    })),
    lastReconciliation: lastTry?.lastContactTriedAt
      ? {
          at: lastTry.lastContactTriedAt,
          ok: !!lastTry.lastContactAt && lastTry.lastContactAt >= lastTry.lastContactTriedAt,
        }
      : null,
  };
}
