import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

export type HaltReason = "daily_loss" | "daily_profit";

/** An account's guardrails as every transport shows them. Percents and equity are decimal strings. */
export interface GuardrailState {
  accountId: string;
  dailyLossLimitPerc: string | null;
  dailyProfitLockPerc: string | null;
  /** The UTC day measured, and its starting equity (null until the account's first reconciliation that day). */
  guardDay: string | null;
  guardDayStartEquity: string | null;
  /** Set while a guardrail has tripped: no new entries until then (the next 00:00 UTC). */
  haltedUntil: Date | null;
  haltReason: HaltReason | null;
  halted: boolean;
}

export const guardrailColumns = {
  id: true,
  dailyLossLimitPerc: true,
  dailyProfitLockPerc: true,
  guardDay: true,
  guardDayStartEquity: true,
  haltedUntil: true,
  haltReason: true,
} as const;

type Row = {
  id: string;
  dailyLossLimitPerc: { toString(): string } | null;
  dailyProfitLockPerc: { toString(): string } | null;
  guardDay: string | null;
  guardDayStartEquity: { toString(): string } | null;
  haltedUntil: Date | null;
  haltReason: string | null;
};

export const isHaltReason = (r: string | null | undefined): r is HaltReason =>
  r === "daily_loss" || r === "daily_profit";

/** Why an entry is skipped on a halted account, as the execution records it (English, like every reason). */
export function haltedEntryReason(reason: string | null): string {
  const what = reason === "daily_profit" ? "daily profit lock reached" : "daily loss limit reached";
  return `${what}: no new entries until 00:00 UTC`;
}

export function guardrailStateOf(row: Row, now: Date): GuardrailState {
  const halted = !!row.haltedUntil && row.haltedUntil.getTime() > now.getTime();
  return {
    accountId: row.id,
    dailyLossLimitPerc: row.dailyLossLimitPerc?.toString() ?? null,
    dailyProfitLockPerc: row.dailyProfitLockPerc?.toString() ?? null,
    guardDay: row.guardDay,
    guardDayStartEquity: row.guardDayStartEquity?.toString() ?? null,
    // A halt that has run out is no halt: it is shown as such until the next reconciliation tidies the row.
    haltedUntil: halted ? row.haltedUntil : null,
    haltReason: halted && isHaltReason(row.haltReason) ? row.haltReason : null,
    halted,
  };
}

/** One account's guardrails; with `userId`, only if it is that user's and not removed (else NOT_FOUND). */
export async function getGuardrails(
  input: { accountId: string; userId?: string },
  deps: { db: DbClient; clock: { now(): Date } },
): Promise<GuardrailState> {
  const row = await deps.db.exchangeAccount.findFirst({
    where: { id: input.accountId, status: { not: "removed" }, ...(input.userId && { userId: input.userId }) },
    select: guardrailColumns,
  });
  if (!row) throw new AppError("NOT_FOUND", `account ${input.accountId} does not exist`);
  return guardrailStateOf(row, deps.clock.now());
}
