import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

export const EXECUTIONS_PAGE_SIZE = 100;
export const EXECUTION_STATUSES = ["pending", "placed", "filled", "failed", "skipped"] as const;
export type ExecutionCounts = Record<(typeof EXECUTION_STATUSES)[number], number>;

/** How a signal's executions stand, by status: one grouped read over the signal's own executions. */
export async function executionCounts(input: { signalId: string }, deps: { db: DbClient }): Promise<ExecutionCounts> {
  const groups = await deps.db.execution.groupBy({
    by: ["status"],
    where: { signalId: input.signalId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0])) as ExecutionCounts;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** A signal, its execution counts and a page of its executions (in follower order, by the unique index). */
export async function signalDetail(input: { signalId: string; page?: number }, deps: { db: DbClient }) {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const signal = await deps.db.signal.findUnique({
    where: { id: input.signalId },
    include: { strategy: { select: { id: true, name: true, slug: true, pausedAt: true } } },
  });
  if (!signal) throw new AppError("NOT_FOUND", `signal ${input.signalId} does not exist`);
  const [counts, executions] = await Promise.all([
    executionCounts(input, deps),
    deps.db.execution.findMany({
      where: { signalId: signal.id },
      orderBy: { subscriptionId: "asc" },
      skip: (page - 1) * EXECUTIONS_PAGE_SIZE,
      take: EXECUTIONS_PAGE_SIZE + 1,
      select: {
        id: true,
        status: true,
        side: true,
        requestedAmount: true,
        filledAmount: true,
        avgPrice: true,
        leverage: true,
        attempts: true,
        error: true,
        errorCode: true,
        updatedAt: true,
        account: {
          select: { id: true, exchange: true, label: true, user: { select: { id: true, displayName: true } } },
        },
      },
    }),
  ]);
  return {
    id: signal.id,
    strategy: signal.strategy,
    action: signal.action,
    symbol: signal.symbol,
    rawSymbol: signal.rawSymbol,
    status: signal.status,
    price: signal.price?.toString() ?? null,
    leverage: signal.leverage,
    tpPerc: signal.tpPerc?.toString() ?? null,
    slPerc: signal.slPerc?.toString() ?? null,
    receivedAt: signal.receivedAt,
    counts,
    page,
    hasNext: executions.length > EXECUTIONS_PAGE_SIZE,
    executions: executions.slice(0, EXECUTIONS_PAGE_SIZE).map((e) => ({
      ...e,
      requestedAmount: e.requestedAmount?.toString() ?? null,
      filledAmount: e.filledAmount?.toString() ?? null,
      avgPrice: e.avgPrice?.toString() ?? null,
    })),
  };
}

export type SignalDetail = Awaited<ReturnType<typeof signalDetail>>;
