import type { Env } from "../../platform/config.ts";
import { type ReferralSettings, referralSettingsFromEnv } from "./referral-settings.ts";

/** What the bots need to show and pay referrals: the terms, and where links point. */
export interface ReferralsConfig {
  settings: ReferralSettings;
  /** PUBLIC_URL: short links are {publicUrl}/r/<code>; unset, none is shown. */
  publicUrl?: string;
  /** TELEGRAM_BOT_USERNAME: for the Discord bot (Telegram's own bot knows its name from getMe). */
  telegramBotUsername?: string;
}

export function referralsFromEnv(
  env: Pick<
    Env,
    "REFERRAL_COMMISSION_PERC" | "REFERRAL_MONTHS" | "REFERRAL_HOLD_DAYS" | "PAYOUT_MIN_USD" | "PUBLIC_URL"
  > & { TELEGRAM_BOT_USERNAME?: string },
): ReferralsConfig {
  return {
    settings: referralSettingsFromEnv(env),
    publicUrl: env.PUBLIC_URL,
    telegramBotUsername: env.TELEGRAM_BOT_USERNAME,
  };
}
