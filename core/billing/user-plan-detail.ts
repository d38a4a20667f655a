import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

/**
 * A user as `GET /api/admin/users/:id` shows it: their plan, their own referral code and who referred them,
 * their chat identities and accounts. No secrets: accounts without credentials.
 */
export async function userPlanDetail(input: { userId: string }, deps: { db: DbClient }) {
  const user = await deps.db.user.findUnique({
    where: { id: input.userId },
    select: {
      id: true,
      displayName: true,
      telegramId: true,
      discordId: true,
      inviteCode: true,
      referredById: true,
      planId: true,
      planActiveUntil: true,
      plan: { select: { name: true } },
      disabledAt: true,
      createdAt: true,
      accounts: {
        orderBy: { createdAt: "asc" },
        select: { id: true, exchange: true, label: true, status: true, createdAt: true },
      },
    },
  });
  if (!user) throw new AppError("NOT_FOUND", `user ${input.userId} does not exist`);
  return {
    id: user.id,
    displayName: user.displayName,
    identities: { telegramId: user.telegramId, discordId: user.discordId },
    plan: user.planId
      ? { planId: user.planId, name: user.plan?.name ?? null, activeUntil: user.planActiveUntil?.toISOString() ?? null }
      : null,
    referralCode: user.inviteCode,
    referredBy: user.referredById,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    accounts: user.accounts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}
