import type { BannerData } from "../../../core/billing/referrals/banner-data.ts";
import type { ReferralOverview } from "../../../core/billing/referrals/referral-overview.ts";
import { isAppError } from "../../../core/platform/errors.ts";
import type { BannerCard } from "../referral-banner/render-banner.ts";
import { errorText } from "./error-text.ts";
import type { T } from "./translator.ts";
import { levelLabel } from "./xp-text.ts";

// What both bots say about referrals: /referral, /referral use, /payout and their refusals.

/** /referral: the code, where to share it, the stats and the terms. */
export function referralText(o: ReferralOverview, t: T, opts: { discordCode?: boolean } = {}): string {
  const s = o.stats;
  const lines = [t("referral-title"), t("referral-code", { code: o.code })];
  if (o.telegramLink) lines.push(t("referral-telegram-link", { link: o.telegramLink }));
  if (o.shortLink) lines.push(t("referral-short-link", { link: o.shortLink }));
  lines.push(t("referral-discord-code", { code: o.code }));
  if (opts.discordCode) lines.push(t("referral-discord-use-hint"));
  lines.push(
    "",
    t("referral-stats-title"),
    t("referral-stats-funnel", { clicks: s.clicks, signups: s.signups, copied: s.copied, paying: s.paying }),
    t("referral-stats-commissions", {
      pending: s.commissions.pendingUsd,
      approved: s.commissions.approvedUsd,
      paid: s.commissions.paidUsd,
    }),
    "",
    t("referral-terms", {
      perc: o.settings.commissionPerc,
      months: o.settings.months,
      days: o.settings.holdDays,
      min: o.settings.payoutMinUsd,
    }),
  );
  return lines.join("\n");
}

export function payoutRequestedText(p: { amountUsd: string; network: string; address: string }, t: T): string {
  return t("referral-payout-requested", p);
}

/** The refusals of /referral use and /payout in the user's words; anything else as any error. */
export function referralErrorText(err: unknown, t: T): string {
  if (!isAppError(err)) return errorText(err, t);
  const d = err.details ?? {};
  switch (d.reason) {
    case "unknown_code":
      return t("referral-use-unknown");
    case "self":
      return t("referral-use-self");
    case "loop":
      return t("referral-use-loop");
    case "already_referred":
    case "same":
      return t("referral-use-already");
    case "below_minimum":
      return t("referral-payout-below-minimum", { balance: String(d.balanceUsd), min: String(d.minimumUsd) });
    case "network":
      return t("referral-payout-bad-network", { networks: (d.networks as string[]).join(", ") });
    case "address":
      return t("referral-payout-bad-address", { network: String(d.network) });
    default:
      return errorText(err, t);
  }
}

/** /banner's card, worded. */
export function bannerCard(d: BannerData, t: T): BannerCard {
  return {
    title: t("referral-banner-title"),
    code: d.code,
    invite: t("referral-banner-invite"),
    link: d.link,
    level: t("referral-banner-level", { level: levelLabel(d.level, t) }),
    best: d.bestMonth ? t("referral-banner-best", { perc: d.bestMonth.returnPerc, month: d.bestMonth.month }) : null,
  };
}

export const bannerCaption = (d: BannerData, t: T) =>
  t("referral-banner-caption", { code: d.code, link: d.link ?? "none" });
