import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { normaliseInviteCode } from "./invite-code.ts";

/**
 * Records who referred a user from the code they entered (Discord's /referral use; Telegram's /start <code> does
 * it at signup in ensureChatUser). A referrer is set once: self-referral, a second referrer and a loop (being
 * referred by someone one referred) are refused with the reason in details.reason.
 */
export async function applyReferralCode(
  input: { userId: string; code: string },
  deps: { db: DbClient },
): Promise<{ referrerId: string }> {
  const { db } = deps;
  const code = normaliseInviteCode(input.code);
  const referrer = await db.user.findUnique({ where: { inviteCode: code }, select: { id: true, referredById: true } });
  if (!referrer) throw new AppError("NOT_FOUND", "no such referral code", { details: { reason: "unknown_code" } });
  if (referrer.id === input.userId) {
    throw new AppError("BAD_REQUEST", "you cannot use your own referral code", { details: { reason: "self" } });
  }
  if (referrer.referredById === input.userId) {
    throw new AppError("BAD_REQUEST", "you referred this user yourself", { details: { reason: "loop" } });
  }
  const res = await db.user.updateMany({
    where: { id: input.userId, referredById: null },
    data: { referredById: referrer.id, referralCode: code },
  });
  if (res.count === 0) {
    const user = await db.user.findUnique({ where: { id: input.userId }, select: { referredById: true } });
    if (!user) throw new AppError("NOT_FOUND", "no such user");
    throw new AppError("CONFLICT", "you already have a referrer; it cannot be changed", {
      details: { reason: user.referredById === referrer.id ? "same" : "already_referred" },
    });
  }
  return { referrerId: referrer.id };
}
