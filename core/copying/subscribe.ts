import { assertPlanCovers } from "../billing/plan-coverage.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { isUniqueViolation } from "../platform/prisma-errors.ts";
import type { OwnTarget } from "../subscriptions/take-profit-split.ts";
import { type TrailingSetting, trailingColumns } from "../subscriptions/trailing-setting.ts";
import { splitColumn } from "../subscriptions/update-subscription.ts";
import type { SizingMode } from "./size-order.ts";

export interface SubscribeInput {
  accountId: string;
  /** Slug or id. */
  strategy: string;
  sizing: { mode: SizingMode; value?: Decimal };
  maxLeverage?: number;
  tpPercOverride?: Decimal;
  slPercOverride?: Decimal;
  maxSlippagePerc?: Decimal;
  maxOpenPositions?: number;
  /** The follower's trailing-stop choice; absent: the signal's. */
  trailing?: TrailingSetting;
  /** Whether the signal's DCA orders are placed (default true). */
  dcaEnabled?: boolean;
  /** The follower's own take-profit split; absent: the signal's targets. */
  takeProfitSplit?: OwnTarget[] | null;
}

export async function subscribe(input: SubscribeInput, deps: { db: DbClient; clock?: Clock }): Promise<{ id: string }> {
  const { db } = deps;
  const strategy = await db.strategy.findFirst({
    where: { OR: [{ slug: input.strategy }, { id: isUuid(input.strategy) ? input.strategy : undefined }] },
    select: { id: true, name: true },
  });
  if (!strategy) throw new AppError("NOT_FOUND", `strategy "${input.strategy}" does not exist`);
  const account = await db.exchangeAccount.findUnique({
    where: { id: input.accountId },
    select: { status: true, userId: true },
  });
  if (!account || account.status === "removed")
    throw new AppError("NOT_FOUND", `account ${input.accountId} does not exist`);
  // Premium strategies need the user's plan to cover them (core/billing); free ones pass at no cost but a read.
  await assertPlanCovers({ userId: account.userId, strategyId: strategy.id, strategyName: strategy.name }, deps);
  if (input.sizing.mode !== "risk" && !input.sizing.value) {
    throw new AppError("BAD_REQUEST", `sizing.value: is required for ${input.sizing.mode} sizing`, {
      details: { field: "sizing.value" },
    });
  }
  try {
    return await db.subscription.create({
      data: {
        accountId: input.accountId,
        strategyId: strategy.id,
        sizingMode: input.sizing.mode,
        sizingValue: input.sizing.value?.toString(),
        maxLeverage: input.maxLeverage,
        tpPercOverride: input.tpPercOverride?.toString(),
        slPercOverride: input.slPercOverride?.toString(),
        maxSlippagePerc: input.maxSlippagePerc?.toString(),
        maxOpenPositions: input.maxOpenPositions,
        ...trailingColumns(input.trailing),
        dcaEnabled: input.dcaEnabled,
        takeProfitSplit: splitColumn(input.takeProfitSplit ?? undefined),
      },
      select: { id: true },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "this account already follows this strategy");
    throw err;
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
