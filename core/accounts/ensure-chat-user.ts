import type { DbClient } from "../platform/db-client.ts";
import { isUniqueViolation } from "../platform/prisma-errors.ts";

export type ChatTransport = "telegram" | "discord";

export interface ChatIdentity {
  transport: ChatTransport;
  /** The transport's own user id (Telegram user id, Discord user id). */
  externalId: string;
}

export interface ChatUser {
  id: string;
  created: boolean;
  /** Set when an operator disabled the user: the bots check it with assertUserEnabled. */
  disabledAt: Date | null;
}

const idField = { telegram: "telegramId", discord: "discordId" } as const;
const unreachableField = { telegram: "telegramUnreachableAt", discord: "discordUnreachableAt" } as const;

/**
 * The Mimic user behind a chat identity, created on first contact, whatever the transport. A referral code is
 * kept only from the first contact, so a later message cannot rewrite who referred someone. Writing again
 * clears "unreachable" on that transport; the client's language is kept for messages sent unprompted.
 */
export async function ensureChatUser(
  input: ChatIdentity & { displayName?: string; referralCode?: string; locale?: string },
  deps: { db: DbClient },
): Promise<ChatUser> {
  const { db } = deps;
  const where = { [idField[input.transport]]: input.externalId } as { telegramId: string } | { discordId: string };
  const existing = await db.user.findUnique({
    where,
    select: { id: true, locale: true, telegramUnreachableAt: true, discordUnreachableAt: true, disabledAt: true },
  });
  if (existing) {
    const data: { locale?: string; telegramUnreachableAt?: null; discordUnreachableAt?: null } = {};
    if (existing[unreachableField[input.transport]]) data[unreachableField[input.transport]] = null;
    if (input.locale && input.locale !== existing.locale) data.locale = input.locale;
    if (Object.keys(data).length) await db.user.update({ where: { id: existing.id }, data });
    return { id: existing.id, created: false, disabledAt: existing.disabledAt };
  }
  // The code is a user's inviteCode: who it belongs to is the referrer (core/billing/referrals); an unknown code
  // is still kept as typed.
  const referrer = input.referralCode
    ? await db.user.findUnique({ where: { inviteCode: input.referralCode.toUpperCase() }, select: { id: true } })
    : null;
  try {
    const user = await db.user.create({
      data: {
        ...where,
        displayName: input.displayName,
        referralCode: input.referralCode,
        referredById: referrer?.id,
        locale: input.locale,
      },
      select: { id: true },
    });
    return { id: user.id, created: true, disabledAt: null };
  } catch (err) {
    // Two updates of a new user raced: the other one created it.
    if (!isUniqueViolation(err)) throw err;
    const user = await db.user.findUniqueOrThrow({ where, select: { id: true, disabledAt: true } });
    return { id: user.id, created: false, disabledAt: user.disabledAt };
  }
}
