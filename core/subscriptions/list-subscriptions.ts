import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, decOrNull } from "../platform/decimal.ts";
import { type OwnTarget, storedTakeProfitSplit } from "./take-profit-split.ts";
import { type TrailingSetting, trailingSettingOf } from "./trailing-setting.ts";

export interface SubscriptionView {
  id: string;
  status: "active" | "paused";
  strategy: { id: string; slug: string; name: string };
  account: { id: string; exchange: string; label: string | null };
  sizingMode: "risk" | "fixed" | "multiplier";
  sizingValue: Decimal | null;
  maxLeverage: number | null;
  tpPercOverride: Decimal | null;
  slPercOverride: Decimal | null;
  /** The follower's slippage cap; null: the signal's, else the default. */
  maxSlippagePerc: Decimal | null;
  maxOpenPositions: number | null;
  /** How the stop of this subscription's trades moves: the signal's, off, or a mode of the follower's. */
  trailing: TrailingSetting;
  /** Whether the signal's DCA (safety) orders are placed. */
  dcaEnabled: boolean;
  /** The follower's own take-profit split; null: the signal's targets. */
  takeProfitSplit: OwnTarget[] | null;
}

/** A user's live subscriptions (active or paused) on accounts that are not removed. */
export async function listSubscriptions(
  input: { userId: string; subscriptionId?: string },
  deps: { db: DbClient },
): Promise<SubscriptionView[]> {
  const rows = await deps.db.subscription.findMany({
    where: {
      id: input.subscriptionId,
      status: { in: ["active", "paused"] },
      account: { userId: input.userId, status: { not: "removed" } },
    },
    orderBy: { createdAt: "asc" },
    include: {
      strategy: { select: { id: true, slug: true, name: true } },
      account: { select: { id: true, exchange: true, label: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status as "active" | "paused",
    strategy: r.strategy,
    account: r.account,
    sizingMode: r.sizingMode,
    sizingValue: decOrNull(r.sizingValue),
    maxLeverage: r.maxLeverage,
    tpPercOverride: decOrNull(r.tpPercOverride),
    slPercOverride: decOrNull(r.slPercOverride),
    maxSlippagePerc: decOrNull(r.maxSlippagePerc),
    maxOpenPositions: r.maxOpenPositions,
    trailing: trailingSettingOf(r),
    dcaEnabled: r.dcaEnabled,
    takeProfitSplit: storedTakeProfitSplit(r.takeProfitSplit),
  }));
}
