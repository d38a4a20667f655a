import { randomInt } from "node:crypto";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { isUniqueViolation } from "../../platform/prisma-errors.ts";

// No 0/O, 1/I/L: a code read off a banner or said aloud is typed right.
export const INVITE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const INVITE_LENGTH = 7;
const ATTEMPTS = 6;

export function generateInviteCode(pick: (n: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[pick(INVITE_ALPHABET.length)];
  return code;
}

/** Codes are shown in capitals; what someone typed is read the same whatever its case. */
export function normaliseInviteCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * The user's own referral code, generated the first time it is needed. A collision with another user's code
 * (31^7 ≈ 27 billion codes) is retried with a new one; two calls racing for the same user keep the first code.
 */
export async function ensureInviteCode(
  input: { userId: string },
  deps: { db: DbClient; generate?: () => string },
): Promise<string> {
  const { db } = deps;
  const generate = deps.generate ?? (() => generateInviteCode());
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const user = await db.user.findUnique({ where: { id: input.userId }, select: { inviteCode: true } });
    if (!user) throw new AppError("NOT_FOUND", "no such user");
    if (user.inviteCode) return user.inviteCode;
    try {
      await db.user.updateMany({ where: { id: input.userId, inviteCode: null }, data: { inviteCode: generate() } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new AppError("INTERNAL", "could not find a free referral code");
}
