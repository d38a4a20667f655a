import type { DbClient } from "../platform/db-client.ts";

export interface StrategyStats {
  id: string;
  slug: string;
  name: string;
  followers: number;
  signals30d: number;
  lastSignalAt: Date | null;
  /** Share of the last 30 days' executions that filled, 0..1; null before any. */
  fillRate30d: number | null;
}

/** Every strategy with a line's worth of stats, most followed first. */
export async function listStrategies(deps: { db: DbClient; now: Date }): Promise<StrategyStats[]> {
  const since = new Date(deps.now.getTime() - 30 * 86_400_000);
  const strategies = await deps.db.strategy.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      _count: {
        select: { subscriptions: { where: { status: "active" } }, signals: { where: { receivedAt: { gte: since } } } },
      },
      signals: { orderBy: { receivedAt: "desc" }, take: 1, select: { receivedAt: true } },
    },
  });
  // Fill rate per strategy needs the signal's strategy; one grouped query over executions joined by signal.
  const perStrategy = await deps.db.$queryRaw<{ strategyId: string; filled: bigint; total: bigint }[]>`
    SELECT s."strategyId", COUNT(*) FILTER (WHERE e."status" = 'filled') AS filled, COUNT(*) AS total
    FROM "Execution" e JOIN "Signal" s ON s."id" = e."signalId"
    WHERE e."createdAt" >= ${since} AND e."status" IN ('filled', 'failed')
    GROUP BY s."strategyId"`;
  const rates = new Map(perStrategy.map((r) => [r.strategyId, Number(r.filled) / Math.max(1, Number(r.total))]));
  return strategies
    .map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      followers: s._count.subscriptions,
      signals30d: s._count.signals,
      lastSignalAt: s.signals[0]?.receivedAt ?? null,
      fillRate30d: rates.get(s.id) ?? null,
    }))
    .sort((a, b) => b.followers - a.followers || a.name.localeCompare(b.name));
}
