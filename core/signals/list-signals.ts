import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

const STATUSES = ["pending", "placed", "filled", "failed", "skipped"] as const;

/** A strategy's signals, newest first, with how many of their executions ended in each status. */
export async function listSignals(input: { strategy?: string; limit: number }, deps: { db: DbClient }) {
  let strategyId: string | undefined;
  if (input.strategy) {
    const strategy = await deps.db.strategy.findUnique({ where: { slug: input.strategy }, select: { id: true } });
    if (!strategy) throw new AppError("NOT_FOUND", `strategy ${input.strategy} does not exist`);
    strategyId = strategy.id;
  }
  const signals = await deps.db.signal.findMany({
    where: { strategyId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: input.limit,
    include: { strategy: { select: { slug: true } } },
  });
  const counts = signals.length
    ? await deps.db.execution.groupBy({
        by: ["signalId", "status"],
        where: { signalId: { in: signals.map((s) => s.id) } },
        _count: { _all: true },
      })
    : [];
  return signals.map((s) => {
    const executions = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<string, number>;
    for (const c of counts) if (c.signalId === s.id) executions[c.status] = c._count._all;
    return {
      id: s.id,
      strategy: s.strategy.slug,
      action: s.action,
      symbol: s.symbol,
      rawSymbol: s.rawSymbol,
      status: s.status,
      receivedAt: s.receivedAt.toISOString(),
      executions,
      total: Object.values(executions).reduce((a, b) => a + b, 0),
    };
  });
}
