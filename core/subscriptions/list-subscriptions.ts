import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, decOrNull } from "../platform/decimal.ts";

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
  maxOpenPositions: number | null;
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
    maxOpenPositions: r.maxOpenPositions,
  }));
}
