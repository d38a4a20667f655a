import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

export interface PlanCoverage {
  /** Some plan includes the strategy (a PlanStrategy row, or a plan of all strategies). */
  premium: boolean;
  /** The user's plan includes it and has not ended. */
  covered: boolean;
  /** The plans that include it, those on sale first: what the refusal names. */
  plans: string[];
}

/**
 * Whether a strategy is premium and whether the user's plan covers it now. A plan taken off sale (`active`
 * false) still makes its strategies premium: its holders keep what they paid for.
 */
export async function planCoverage(
  input: { userId: string; strategyId: string },
  deps: { db: DbClient; clock?: Clock },
): Promise<PlanCoverage> {
  const { db } = deps;
  const plans = await db.plan.findMany({
    where: { OR: [{ allStrategies: true }, { strategies: { some: { strategyId: input.strategyId } } }] },
    select: { id: true, name: true, active: true },
    orderBy: [{ priceUsd: "asc" }, { name: "asc" }],
  });
  if (plans.length === 0) return { premium: false, covered: true, plans: [] };
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { planId: true, planActiveUntil: true },
  });
  const now = (deps.clock?.now() ?? new Date()).getTime();
  const covered =
    !!user?.planId && plans.some((p) => p.id === user.planId) && (user.planActiveUntil?.getTime() ?? 0) > now;
  const onSale = plans.filter((p) => p.active);
  return { premium: true, covered, plans: (onSale.length ? onSale : plans).map((p) => p.name) };
}

/**
 * Refuses a subscription to a premium strategy the user's plan does not cover, naming the plans that do. The bots
 * also ask it as soon as a strategy is chosen, so nobody fills in a whole form to be refused at the end.
 */
export async function assertPlanCovers(
  input: { userId: string; strategyId: string; strategyName?: string },
  deps: { db: DbClient; clock?: Clock },
): Promise<void> {
  const coverage = await planCoverage(input, deps);
  if (coverage.covered) return;
  const strategyName =
    input.strategyName ??
    (await deps.db.strategy.findUnique({ where: { id: input.strategyId }, select: { name: true } }))?.name ??
    "this strategy";
  const plans = coverage.plans.join(", ");
  throw new AppError("FORBIDDEN", `"${strategyName}" is a premium strategy: it needs an active plan (${plans})`, {
    details: {
      reason: "PLAN_REQUIRED",
      wording: "plan-access-required",
      wordingArgs: { strategy: strategyName, plans },
    },
  });
}
