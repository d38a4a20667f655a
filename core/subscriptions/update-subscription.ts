import { Prisma } from "../../generated/prisma/client.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import type { OwnTarget } from "./take-profit-split.ts";
import { type TrailingSetting, trailingColumns } from "./trailing-setting.ts";

export interface SubscriptionChange {
  status?: "active" | "paused";
  sizing?: { mode: "risk" | "fixed" | "multiplier"; value: Decimal };
  maxLeverage?: number | null;
  /** null clears the override: the signal's own TP/SL applies again. */
  tpPercOverride?: Decimal | null;
  slPercOverride?: Decimal | null;
  /** null clears it: the signal's cap applies again, else the default. */
  maxSlippagePerc?: Decimal | null;
  maxOpenPositions?: number | null;
  /** The trailing-stop choice; {mode: "signal"} follows the signal's again. */
  trailing?: TrailingSetting;
  /** Whether the signal's DCA orders are placed. */
  dcaEnabled?: boolean;
  /** The follower's own take-profit split; null uses the signal's targets again. */
  takeProfitSplit?: OwnTarget[] | null;
}

/**
 * Changes one of the user's own live subscriptions (an admin: anyone's, `userId` null); anything else is NOT_FOUND.
 * Audited, with who did it.
 */
export async function updateSubscription(
  input: { userId: string | null; subscriptionId: string; change: SubscriptionChange; actor?: string },
  deps: { db: DbClient },
): Promise<void> {
  const { change } = input;
  const updated = await deps.db.subscription.updateMany({
    where: {
      id: input.subscriptionId,
      status: { in: ["active", "paused"] },
      account: { ...(input.userId !== null && { userId: input.userId }), status: "active" },
    },
    data: {
      status: change.status,
      sizingMode: change.sizing?.mode,
      sizingValue: change.sizing?.value.toString(),
      maxLeverage: change.maxLeverage,
      tpPercOverride: change.tpPercOverride === null ? null : change.tpPercOverride?.toString(),
      slPercOverride: change.slPercOverride === null ? null : change.slPercOverride?.toString(),
      maxSlippagePerc: change.maxSlippagePerc === null ? null : change.maxSlippagePerc?.toString(),
      maxOpenPositions: change.maxOpenPositions,
      ...trailingColumns(change.trailing),
      dcaEnabled: change.dcaEnabled,
      takeProfitSplit: splitColumn(change.takeProfitSplit),
    },
  });
  if (updated.count === 0)
    throw new AppError("NOT_FOUND", "that subscription does not exist or its account is not active");
  await deps.db.auditLog.create({
    data: {
      userId: input.userId,
      actor: input.actor ?? `user:${input.userId}`,
      action: "subscription.updated",
      details: { subscriptionId: input.subscriptionId, change: JSON.parse(JSON.stringify(change)) },
    },
  });
}

/** Prisma's JSON column: undefined leaves it, null clears it (the signal's targets). */
export function splitColumn(split: OwnTarget[] | null | undefined) {
  if (split === undefined) return undefined;
  return split === null ? (Prisma.DbNull as never) : (split as unknown as Prisma.InputJsonValue);
}
