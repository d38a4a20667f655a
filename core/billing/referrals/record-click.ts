import type { DbClient } from "../../platform/db-client.ts";
import { normaliseInviteCode } from "./invite-code.ts";

/**
 * A click on a short link {PUBLIC_URL}/r/<code>: one row with the code and the time, nothing about the visitor.
 * Returns the code as stored, or null for a code nobody has (nothing is recorded for it).
 */
export async function recordReferralClick(input: { code: string }, deps: { db: DbClient }): Promise<string | null> {
  const code = normaliseInviteCode(input.code);
  if (!/^[A-Z0-9]{4,16}$/.test(code)) return null;
  const owner = await deps.db.user.findUnique({ where: { inviteCode: code }, select: { id: true } });
  if (!owner) return null;
  await deps.db.referralClick.create({ data: { code } });
  return code;
}
