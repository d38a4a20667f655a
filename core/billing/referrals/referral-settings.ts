import type { Env } from "../../platform/config.ts";

/** The referral programme's terms, from the environment (REFERRAL_*, PAYOUT_MIN_USD). */
export interface ReferralSettings {
  /** Percent of a referred user's completed payment owed to their referrer. */
  commissionPerc: number;
  /** Payments made this many months after the referred user's signup earn nothing. */
  months: number;
  /** A commission stays pending this long, so a refund can still cancel it before it is paid out. */
  holdDays: number;
  payoutMinUsd: number;
}

export const defaultReferralSettings: ReferralSettings = {
  commissionPerc: 20,
  months: 12,
  holdDays: 7,
  payoutMinUsd: 50,
};

export function referralSettingsFromEnv(
  env: Pick<Env, "REFERRAL_COMMISSION_PERC" | "REFERRAL_MONTHS" | "REFERRAL_HOLD_DAYS" | "PAYOUT_MIN_USD">,
): ReferralSettings {
  return {
    commissionPerc: env.REFERRAL_COMMISSION_PERC,
    months: env.REFERRAL_MONTHS,
    holdDays: env.REFERRAL_HOLD_DAYS,
    payoutMinUsd: env.PAYOUT_MIN_USD,
  };
}
