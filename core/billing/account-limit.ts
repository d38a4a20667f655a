import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

/**
 * A plan's `maxAccounts` caps the accounts a user has linked (removed ones do not count). Only the user's own
 * plan limits them: a user without a plan follows free strategies with as many accounts as they like.
 */
export async function assertAccountLimit(input: { userId: string }, deps: { db: DbClient }): Promise<void> {
  const user = await deps.db.user.findUnique({
    where: { id: input.userId },
    select: { plan: { select: { name: true, maxAccounts: true } } },
  });
  const max = user?.plan?.maxAccounts;
  if (max === null || max === undefined) return;
  const linked = await deps.db.exchangeAccount.count({ where: { userId: input.userId, status: { not: "removed" } } });
  if (linked < max) return;
  const plan = user?.plan?.name ?? "";
  throw new AppError(
    "FORBIDDEN",
    `the ${plan} plan allows ${max} linked account${max === 1 ? "" : "s"}; remove one before linking another`,
    { details: { reason: "PLAN_ACCOUNT_LIMIT", wording: "plan-access-account-limit", wordingArgs: { plan, max } } },
  );
}
