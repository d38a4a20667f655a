import type { DbClient } from "../../platform/db-client.ts";
import { ensureInviteCode } from "./invite-code.ts";
import { referralLinks } from "./referral-links.ts";
import { defaultReferralSettings, type ReferralSettings } from "./referral-settings.ts";
import { type ReferralStats, referralStats } from "./referral-stats.ts";

export interface ReferralOverview {
  code: string;
  telegramLink: string | null;
  shortLink: string | null;
  stats: ReferralStats;
  settings: ReferralSettings;
}

/** /referral: the user's code (made on first need), where to share it, and what it has brought so far. */
export async function referralOverview(
  input: { userId: string; botUsername?: string | null },
  deps: { db: DbClient; referrals?: { settings: ReferralSettings; publicUrl?: string } },
): Promise<ReferralOverview> {
  const code = await ensureInviteCode({ userId: input.userId }, deps);
  const links = referralLinks({ code, botUsername: input.botUsername, publicUrl: deps.referrals?.publicUrl });
  const stats = await referralStats({ userId: input.userId, inviteCode: code }, deps);
  return {
    code,
    telegramLink: links.telegram,
    shortLink: links.short,
    stats,
    settings: deps.referrals?.settings ?? defaultReferralSettings,
  };
}
