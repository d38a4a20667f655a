import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";

const WINDOW_MS = 30 * 86_400_000;
const MAX_STRATEGIES = 500;

export interface AdminStrategyRow {
  id: string;
  name: string;
  slug: string;
  paused: boolean;
  owner: { id: string; displayName: string | null } | null;
  followers: number;
  signals30d: number;
  /** Share of the trades closed in 30 days that made money (net of fees), 0..1; null before any. */
  winRate30d: number | null;
  closed30d: number;
  /** Discord channels bound to the strategy: where its signals are published, where they are read from. */
  discord: { publish: number; source: number };
  createdAt: Date;
}

export interface StrategyStats {
  followers: Map<string, number>;
  signals30d: Map<string, number>;
  closed30d: Map<string, { won: number; total: number }>;
}

/**
 * Followers, signals and closed trades per strategy: grouped index reads, but each of them grows with the number of
 * followers, so the page reads them through `cachedStrategyStats` (a few seconds old at most).
 */
export async function strategyStats(deps: { db: DbClient; clock: Clock }): Promise<StrategyStats> {
  const { db } = deps;
  const since = new Date(deps.clock.now().getTime() - WINDOW_MS);
  const [followers, signals, closed] = await Promise.all([
    db.subscription.groupBy({ by: ["strategyId"], where: { status: "active" }, _count: { _all: true } }),
    db.signal.groupBy({ by: ["strategyId"], where: { receivedAt: { gte: since } }, _count: { _all: true } }),
    db.$queryRaw<{ strategyId: string; won: bigint; total: bigint }[]>`
      SELECT "strategyId", COUNT(*) FILTER (WHERE "realisedPnl" - "fees" > 0) AS won, COUNT(*) AS total
      FROM "Trade" WHERE "status" = 'closed' AND "closedAt" >= ${since}
      GROUP BY "strategyId"`,
  ]);
  return {
    followers: new Map(followers.map((f) => [f.strategyId, f._count._all])),
    signals30d: new Map(signals.map((f) => [f.strategyId, f._count._all])),
    closed30d: new Map(closed.map((c) => [c.strategyId, { won: Number(c.won), total: Number(c.total) }])),
  };
}

/** strategyStats read at most once per `ttlMs` however many pages ask, a read in flight shared. */
export function cachedStrategyStats(
  deps: { db: DbClient; clock: Clock },
  ttlMs = 10_000,
): () => Promise<StrategyStats> {
  let cached: { at: number; value: Promise<StrategyStats> } | undefined;
  return () => {
    const now = deps.clock.now().getTime();
    if (cached && now - cached.at < ttlMs) return cached.value;
    const value = strategyStats(deps);
    cached = { at: now, value };
    value.catch(() => {
      if (cached?.value === value) cached = undefined;
    });
    return value;
  };
}

/**
 * Strategies with their followers, signals and win rate. The list itself (status, owner) is read fresh, so an
 * action shows at once; the counts come from `deps.stats` (cached) when given.
 */
export async function listAdminStrategies(
  _input: Record<string, never>,
  deps: { db: DbClient; clock: Clock; stats?: () => Promise<StrategyStats> },
): Promise<AdminStrategyRow[]> {
  const [strategies, stats, bindings] = await Promise.all([
    deps.db.strategy.findMany({
      orderBy: { createdAt: "asc" },
      take: MAX_STRATEGIES,
      select: {
        id: true,
        name: true,
        slug: true,
        pausedAt: true,
        createdAt: true,
        owner: { select: { id: true, displayName: true } },
      },
    }),
    deps.stats ? deps.stats() : strategyStats(deps),
    deps.db.channelBinding.groupBy({ by: ["strategyId", "kind"], _count: { _all: true } }),
  ]);
  const bound = (id: string, kind: "publish" | "source") =>
    bindings.find((b) => b.strategyId === id && b.kind === kind)?._count._all ?? 0;
  return strategies.map((s) => {
    const c = stats.closed30d.get(s.id);
    return {
      id: s.id,
      name: s.name,
      slug: s.slug,
      paused: !!s.pausedAt,
      owner: s.owner,
      followers: stats.followers.get(s.id) ?? 0,
      signals30d: stats.signals30d.get(s.id) ?? 0,
      winRate30d: c?.total ? c.won / c.total : null,
      closed30d: c?.total ?? 0,
      discord: { publish: bound(s.id, "publish"), source: bound(s.id, "source") },
      createdAt: s.createdAt,
    };
  });
}
