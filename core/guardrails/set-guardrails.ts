import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import { type GuardrailField, guardrailChangeSchema } from "./guardrail-settings.ts";
import { type GuardrailState, getGuardrails } from "./guardrail-state.ts";

export type GuardrailChange = Partial<Record<GuardrailField, string | number | null>>;

/**
 * Sets or clears (null, "off") an account's daily loss limit and profit lock. With `userId` (a chat transport),
 * only on that user's own account; the admin API passes none. Either way the account must not be removed.
 *
 * Nothing is read from the exchange here (the API process never loads ccxt): the day's starting equity is taken at
 * the account's next reconciliation, and is the same whenever in the day it is taken (see guard-account.ts).
 * Turning a limit off does not lift a halt already in force: it ends at 00:00 UTC as announced. Audited.
 */
export async function setGuardrails(
  input: { accountId: string; userId?: string; actor: string; change: GuardrailChange },
  deps: { db: DbClient; clock: { now(): Date } },
): Promise<GuardrailState> {
  const change = parseInput(guardrailChangeSchema, input.change);
  const where = {
    id: input.accountId,
    status: { not: "removed" as const },
    ...(input.userId && { userId: input.userId }),
  };
  const account = await deps.db.exchangeAccount.findFirst({ where, select: { userId: true } });
  if (!account) throw new AppError("NOT_FOUND", `account ${input.accountId} does not exist`);
  await deps.db.exchangeAccount.update({ where: { id: input.accountId }, data: change });
  const state = await getGuardrails(input, deps);
  await deps.db.auditLog.create({
    data: {
      userId: account.userId,
      actor: input.actor,
      action: "guardrail.set",
      accountId: input.accountId,
      details: { change },
    },
  });
  return state;
}
