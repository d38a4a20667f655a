import type { Prisma } from "../../generated/prisma/client.ts";
import { mergeReferrals } from "../billing/referrals/merge-referrals.ts";
import { mergeCommunity } from "../community/merge-community.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Moves everything a user owns (and says how many exchange accounts moved) to another user and deletes the first one, inside the caller's transaction.
 * Refused when both hold an authenticator: silently dropping one would leave its owner locked out of /panic.
 */
export async function mergeUsers(
  input: { from: string; into: string },
  tx: Prisma.TransactionClient,
): Promise<{ movedAccounts: number }> {
  const { from, into } = input;
  const [fromTotp, intoTotp] = await Promise.all([
    tx.totpFactor.findUnique({ where: { userId: from }, select: { confirmedAt: true } }),
    tx.totpFactor.findUnique({ where: { userId: into }, select: { confirmedAt: true } }),
  ]);
  if (fromTotp?.confirmedAt && intoTotp?.confirmedAt) {
    throw new AppError(
      "CONFLICT",
      "both identities have two-factor authentication set up; turn it off on one side (/2fa off) and connect again",
    );
  }
  // The confirmed authenticator is kept; an unconfirmed one is only a setup in progress.
  if (fromTotp?.confirmedAt) {
    await tx.totpFactor.deleteMany({ where: { userId: into } });
    await tx.totpFactor.update({ where: { userId: from }, data: { userId: into } });
  }
  const moved = await tx.exchangeAccount.updateMany({ where: { userId: from }, data: { userId: into } });
  await tx.strategy.updateMany({ where: { ownerUserId: from }, data: { ownerUserId: into } });
  await tx.auditLog.updateMany({ where: { userId: from }, data: { userId: into } });
  // Role grants are re-made for the merged user by the next role sync; pending messages go with the old chat.
  await tx.discordRoleGrant.deleteMany({ where: { userId: from } });
  await mergeCommunity({ from, into }, tx);
  await mergeReferrals({ from, into }, tx);
  const old = await tx.user.findUniqueOrThrow({ where: { id: from } });
  const kept = await tx.user.findUniqueOrThrow({
    where: { id: into },
    select: { referredById: true, inviteCode: true },
  });
  await tx.user.delete({ where: { id: from } });
  // Opt-ins chosen on either side stay on.
  await tx.user.update({
    where: { id: into },
    data: {
      ...(old.notifySignals && { notifySignals: true }),
      ...(old.notifyDaily && { notifyDaily: true }),
      // Who invited either side, and the code either shared, survive: the kept user's first (a referrer is never
      // changed), else the other's, once the other row (and its unique code) is gone.
      ...(!kept.referredById && old.referredById && old.referredById !== into && { referredById: old.referredById }),
      ...(!kept.inviteCode && old.inviteCode && { inviteCode: old.inviteCode }),
    },
  });
  return { movedAccounts: moved.count };
}
