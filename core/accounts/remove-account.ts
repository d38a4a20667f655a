import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Removes a user's account: its stored key is erased and its subscriptions are paused, in one transaction.
 * Open positions stay where they are; the user closes them on the exchange (or with /panic before removing).
 */
export async function removeAccount(
  input: { userId: string; accountId: string },
  deps: { db: DbClient },
): Promise<{ pausedSubscriptions: number }> {
  return deps.db.$transaction(async (tx) => {
    const account = await tx.exchangeAccount.findFirst({
      where: { id: input.accountId, userId: input.userId, status: { not: "removed" } },
      select: { id: true, exchange: true },
    });
    if (!account) throw new AppError("NOT_FOUND", "that account does not exist or is already removed");
    await tx.exchangeAccount.update({
      where: { id: account.id },
      data: { status: "removed", credentials: null, credentialKeyId: null },
    });
    const paused = await tx.subscription.updateMany({
      where: { accountId: account.id, status: "active" },
      data: { status: "paused" },
    });
    await tx.auditLog.create({
      data: {
        userId: input.userId,
        accountId: account.id,
        actor: `user:${input.userId}`,
        action: "account.removed",
        details: { exchange: account.exchange, pausedSubscriptions: paused.count },
      },
    });
    return { pausedSubscriptions: paused.count };
  });
}
