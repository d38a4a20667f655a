import { type GuardrailState, guardrailColumns, guardrailStateOf } from "../guardrails/guardrail-state.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";

export interface AccountSummary {
  id: string;
  exchange: string;
  label: string | null;
  status: "active" | "invalid" | "removed";
  subscriptions: number;
  /** Its daily loss limit and profit lock, and whether one has halted it today. */
  guardrails: GuardrailState;
}

/** A user's accounts that are not removed, oldest first. */
export async function listAccounts(
  input: { userId: string },
  deps: { db: DbClient; clock?: Clock },
): Promise<AccountSummary[]> {
  const rows = await deps.db.exchangeAccount.findMany({
    where: { userId: input.userId, status: { not: "removed" } },
    orderBy: { createdAt: "asc" },
    select: {
      ...guardrailColumns,
      exchange: true,
      label: true,
      status: true,
      _count: { select: { subscriptions: { where: { status: "active" } } } },
    },
  });
  const now = deps.clock?.now() ?? new Date();
  return rows.map((r) => ({
    id: r.id,
    exchange: r.exchange,
    label: r.label,
    status: r.status,
    subscriptions: r._count.subscriptions,
    guardrails: guardrailStateOf(r, now),
  }));
}
