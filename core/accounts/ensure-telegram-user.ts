import type { DbClient } from "../platform/db-client.ts";
import { isUniqueViolation } from "../platform/prisma-errors.ts";

export interface TelegramUser {
  id: string;
  created: boolean;
}

/**
 * The Mimic user behind a Telegram user, created on first contact. A referral code is kept only from the
 * first /start, so a later link cannot rewrite who referred someone. Writing again clears "unreachable".
 */
export async function ensureTelegramUser(
  input: { telegramId: string; displayName?: string; referralCode?: string },
  deps: { db: DbClient },
): Promise<TelegramUser> {
  const { db } = deps;
  const existing = await db.user.findUnique({
    where: { telegramId: input.telegramId },
    select: { id: true, telegramUnreachableAt: true },
  });
  if (existing) {
    if (existing.telegramUnreachableAt) {
      await db.user.update({ where: { id: existing.id }, data: { telegramUnreachableAt: null } });
    }
    return { id: existing.id, created: false };
  }
  try {
    const user = await db.user.create({
      data: { telegramId: input.telegramId, displayName: input.displayName, referralCode: input.referralCode },
      select: { id: true },
    });
    return { id: user.id, created: true };
  } catch (err) {
    // Two updates of a new user raced: the other one created it.
    if (!isUniqueViolation(err)) throw err;
    const user = await db.user.findUniqueOrThrow({ where: { telegramId: input.telegramId }, select: { id: true } });
    return { id: user.id, created: false };
  }
}
