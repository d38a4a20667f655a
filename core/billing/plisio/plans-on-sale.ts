import type { DbClient } from "../../platform/db-client.ts";
import { dec } from "../../platform/decimal.ts";

/** A plan as /plans shows it: price, period and what it includes ("all", or the strategies' names). */
export interface PlanOnSale {
  id: string;
  name: string;
  /** Decimal string with 2 decimals. */
  priceUsd: string;
  periodDays: number;
  strategies: "all" | string[];
  maxAccounts: number | null;
}

/** The active plans, cheapest first. */
export async function plansOnSale(deps: { db: DbClient }): Promise<PlanOnSale[]> {
  const plans = await deps.db.plan.findMany({
    where: { active: true },
    orderBy: [{ priceUsd: "asc" }, { name: "asc" }],
    include: { strategies: { select: { strategy: { select: { name: true } } } } },
  });
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    priceUsd: dec(p.priceUsd).toFixed(2),
    periodDays: p.periodDays,
    strategies: p.allStrategies ? "all" : p.strategies.map((s) => s.strategy.name).sort(),
    maxAccounts: p.maxAccounts,
  }));
}
