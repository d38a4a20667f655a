import type { DbClient } from "../platform/db-client.ts";
import { dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { isUniqueViolation } from "../platform/prisma-errors.ts";

export interface PlanFields {
  name: string;
  /** Decimal string, USD. */
  priceUsd: string;
  periodDays: number;
  /** Strategy slugs, or every strategy (those made later too). */
  strategies: string[] | "all";
  /** Linked accounts a holder may have; null: no limit. */
  maxAccounts?: number | null;
  /** Offered for sale (/plans); a plan taken off sale still covers those who hold it. */
  active?: boolean;
}

const planInclude = { strategies: { select: { strategy: { select: { id: true, slug: true, name: true } } } } } as const;

/** A plan as the admin API shows it: price as a decimal string, its strategies by slug ("all" for every one). */
export function planView(p: {
  id: string;
  name: string;
  priceUsd: { toString(): string };
  periodDays: number;
  allStrategies: boolean;
  maxAccounts: number | null;
  active: boolean;
  createdAt: Date;
  strategies: { strategy: { id: string; slug: string; name: string } }[];
}) {
  return {
    id: p.id,
    name: p.name,
    priceUsd: dec(p.priceUsd).toString(),
    periodDays: p.periodDays,
    strategies: p.allStrategies ? ("all" as const) : p.strategies.map((s) => s.strategy.slug).sort(),
    maxAccounts: p.maxAccounts,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  };
}

export type PlanView = ReturnType<typeof planView>;

export async function createPlan(input: PlanFields, deps: { db: DbClient }): Promise<PlanView> {
  const ids = await strategyIds(input.strategies, deps.db);
  try {
    const plan = await deps.db.plan.create({
      data: {
        name: input.name,
        priceUsd: input.priceUsd,
        periodDays: input.periodDays,
        allStrategies: input.strategies === "all",
        maxAccounts: input.maxAccounts ?? null,
        active: input.active ?? true,
        strategies: { create: ids.map((strategyId) => ({ strategyId })) },
      },
      include: planInclude,
    });
    return planView(plan);
  } catch (err) {
    throw nameTaken(err, input.name);
  }
}

/** Changes what is given; `strategies` replaces the plan's list as a whole. */
export async function updatePlan(
  input: { planId: string } & Partial<PlanFields>,
  deps: { db: DbClient },
): Promise<PlanView> {
  const ids = input.strategies === undefined ? undefined : await strategyIds(input.strategies, deps.db);
  try {
    const plan = await deps.db.$transaction(async (tx) => {
      const found = await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true } });
      if (!found) throw new AppError("NOT_FOUND", `plan ${input.planId} does not exist`);
      if (ids) {
        await tx.planStrategy.deleteMany({ where: { planId: input.planId } });
        await tx.planStrategy.createMany({ data: ids.map((strategyId) => ({ planId: input.planId, strategyId })) });
      }
      return tx.plan.update({
        where: { id: input.planId },
        data: {
          name: input.name,
          priceUsd: input.priceUsd,
          periodDays: input.periodDays,
          allStrategies: input.strategies === undefined ? undefined : input.strategies === "all",
          maxAccounts: input.maxAccounts,
          active: input.active,
        },
        include: planInclude,
      });
    });
    return planView(plan);
  } catch (err) {
    throw nameTaken(err, input.name);
  }
}

export async function listPlans(deps: { db: DbClient }): Promise<PlanView[]> {
  const plans = await deps.db.plan.findMany({ orderBy: [{ priceUsd: "asc" }, { name: "asc" }], include: planInclude });
  return plans.map(planView);
}

async function strategyIds(strategies: string[] | "all", db: DbClient): Promise<string[]> {
  if (strategies === "all") return [];
  const slugs = [...new Set(strategies)];
  const found = await db.strategy.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const unknown = slugs.filter((s) => !found.some((f) => f.slug === s));
  if (unknown.length) {
    throw new AppError("BAD_REQUEST", `strategies: no strategy with the slug ${unknown.join(", ")}`, {
      details: { field: "strategies" },
    });
  }
  return found.map((f) => f.id);
}

function nameTaken(err: unknown, name: string | undefined): unknown {
  if (isUniqueViolation(err)) return new AppError("CONFLICT", `a plan named "${name}" already exists`);
  return err;
}
