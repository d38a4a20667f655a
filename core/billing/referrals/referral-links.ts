/** Where a referral code is shared: Telegram's deep link (when the bot's username is known) and the short link. */
export function referralLinks(input: { code: string; botUsername?: string | null; publicUrl?: string | null }): {
  telegram: string | null;
  short: string | null;
} {
  const bot = input.botUsername?.replace(/^@/, "");
  return {
    telegram: bot ? `https://t.me/${bot}?start=${input.code}` : null,
    short: input.publicUrl ? `${input.publicUrl.replace(/\/+$/, "")}/r/${input.code}` : null,
  };
}
