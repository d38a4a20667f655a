import { assertPlanCovers } from "../billing/plan-coverage.ts";
import { type SubscribeInput, subscribe } from "../copying/subscribe.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Subscribes one of the user's accounts to a strategy. An ended subscription of the same pair comes back to life
 * with the new settings (the pair is unique, and its history belongs to it).
 */
export async function followStrategy(
  input: SubscribeInput & { userId: string },
  deps: { db: DbClient; clock?: Clock },
): Promise<{ id: string }> {
  const { db } = deps;
  const account = await db.exchangeAccount.findFirst({
    where: { id: input.accountId, userId: input.userId, status: "active" },
    select: { id: true },
  });
  if (!account) throw new AppError("NOT_FOUND", "that account does not exist or is not active");
  const ended = await db.subscription.findFirst({
    where: {
      accountId: account.id,
      strategy: { OR: [{ slug: input.strategy }, { id: input.strategy }] },
      status: "ended",
    },
    select: { id: true, strategy: { select: { id: true, name: true } } },
  });
  let id: string;
  if (ended) {
    // A revived subscription is a new one as far as plans go (subscribe() checks the rest).
    const { strategy } = ended;
    await assertPlanCovers({ userId: input.userId, strategyId: strategy.id, strategyName: strategy.name }, deps);
    await db.subscription.update({
      where: { id: ended.id },
      data: {
        status: "active",
        sizingMode: input.sizing.mode,
        sizingValue: input.sizing.value?.toString() ?? null,
        maxLeverage: input.maxLeverage ?? null,
        tpPercOverride: input.tpPercOverride?.toString() ?? null,
        slPercOverride: input.slPercOverride?.toString() ?? null,
        maxSlippagePerc: input.maxSlippagePerc?.toString() ?? null,
        maxOpenPositions: input.maxOpenPositions ?? null,
      },
    });
    id = ended.id;
  } else {
    id = (await subscribe(input, deps)).id;
  }
  await db.auditLog.create({
    data: {
      userId: input.userId,
      accountId: account.id,
      actor: `user:${input.userId}`,
      action: "subscription.created",
      details: { subscriptionId: id, strategy: input.strategy },
    },
  });
  return { id };
}
