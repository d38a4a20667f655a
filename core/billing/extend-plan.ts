import type { Prisma } from "../../generated/prisma/client.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

const DAY_MS = 86_400_000;

export interface ExtendPlanInput {
  userId: string;
  planId: string;
  /** Days to add; absent: the plan's period. */
  days?: number;
  from: "payment" | "admin";
  /** Who did it, for the audit row ("admin:api", "plisio:<order>"); default `from`. */
  actor?: string;
  /** Where an admin's request came from, for the audit row. */
  ip?: string | null;
}

/**
 * The new end of a plan. The same plan is extended from the later of now and its current end, so paying early
 * loses nothing. Another plan starts from now and the old plan's remainder is dropped: the two plans cover
 * different strategies at different prices, and converting days between them would be a pricing decision we
 * have not made.
 */
export function planEnd(
  current: { planId: string | null; activeUntil: Date | null },
  next: { planId: string; days: number },
  now: Date,
): Date {
  const samePlan = current.planId === next.planId;
  const from = samePlan && current.activeUntil && current.activeUntil > now ? current.activeUntil : now;
  return new Date(from.getTime() + next.days * DAY_MS);
}

/**
 * Activates or extends a user's plan (a completed payment, an admin's grant), audited. The user's row is locked
 * for the read-modify-write, so two callbacks at once add both periods.
 */
export async function extendPlan(
  input: ExtendPlanInput,
  deps: { db: DbClient | Prisma.TransactionClient; clock: Clock },
): Promise<{ planId: string; activeUntil: Date; previousUntil: Date | null }> {
  const now = deps.clock.now();
  // Inside a caller's transaction (a Plisio callback records its event, the plan and the commission together).
  const inTransaction = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) =>
    "$transaction" in deps.db ? deps.db.$transaction(fn) : fn(deps.db);
  return inTransaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true, periodDays: true } });
    if (!plan) throw new AppError("NOT_FOUND", `plan ${input.planId} does not exist`);
    const days = input.days ?? plan.periodDays;
    if (!Number.isInteger(days) || days < 1) throw new AppError("BAD_REQUEST", "days: must be a whole number ≥ 1");
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "User" WHERE "id" = ${input.userId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", `user ${input.userId} does not exist`);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { planId: true, planActiveUntil: true },
    });
    const activeUntil = planEnd(
      { planId: user.planId, activeUntil: user.planActiveUntil },
      { planId: plan.id, days },
      now,
    );
    await tx.user.update({ where: { id: input.userId }, data: { planId: plan.id, planActiveUntil: activeUntil } });
    await tx.auditLog.create({
      data: {
        userId: input.userId,
        actor: input.actor ?? input.from,
        ip: input.ip ?? null,
        action: "plan.extended",
        details: {
          from: input.from,
          planId: plan.id,
          days,
          previousPlanId: user.planId,
          previousUntil: user.planActiveUntil?.toISOString() ?? null,
          activeUntil: activeUntil.toISOString(),
        },
      },
    });
    return { planId: plan.id, activeUntil, previousUntil: user.planActiveUntil };
  });
}
