import type { DbClient } from "../platform/db-client.ts";

export interface AccountSummary {
  id: string;
  exchange: string;
  label: string | null;
  status: "active" | "invalid" | "removed";
  subscriptions: number;
}

/** A user's accounts that are not removed, oldest first. */
export async function listAccounts(input: { userId: string }, deps: { db: DbClient }): Promise<AccountSummary[]> {
  const rows = await deps.db.exchangeAccount.findMany({
    where: { userId: input.userId, status: { not: "removed" } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      exchange: true,
      label: true,
      status: true,
      _count: { select: { subscriptions: { where: { status: "active" } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    exchange: r.exchange,
    label: r.label,
    status: r.status,
    subscriptions: r._count.subscriptions,
  }));
}
