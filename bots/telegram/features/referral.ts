import { Composer, InputFile } from "grammy";
import { applyReferralCode } from "../../../core/billing/referrals/apply-referral-code.ts";
import { bannerData } from "../../../core/billing/referrals/banner-data.ts";
import { referralOverview } from "../../../core/billing/referrals/referral-overview.ts";
import { requestPayout } from "../../../core/billing/referrals/request-payout.ts";
import { renderBanner } from "../../shared/referral-banner/render-banner.ts";
import {
  bannerCaption,
  bannerCard,
  payoutRequestedText,
  referralErrorText,
  referralText,
} from "../../shared/wording/referral-text.ts";
import type { BotContext } from "../bot-context.ts";

/**
 * /referral (the user's code, links and influencer stats; `/referral use <code>` for someone who joined without
 * a link), /payout <address> <network> (the approved balance), /banner (a shareable PNG). The bot's own username
 * (getMe, ctx.me) makes the deep link.
 */
export function referralFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");
  const deps = (ctx: BotContext) => ({ db: ctx.deps.db, referrals: ctx.deps.referrals });

  dm.command("referral", async (ctx) => {
    const [sub = "", code, ...rest] = ctx.match.trim().split(/\s+/);
    if (sub.toLowerCase() === "use") {
      if (!code || rest.length) return void (await ctx.reply(ctx.t("referral-use-usage")));
      try {
        await applyReferralCode({ userId: ctx.userId, code }, ctx.deps);
        return void (await ctx.reply(ctx.t("referral-use-done", { code: code.toUpperCase() })));
      } catch (err) {
        return void (await ctx.reply(referralErrorText(err, ctx.t)));
      }
    }
    const overview = await referralOverview({ userId: ctx.userId, botUsername: ctx.me.username }, deps(ctx));
    await ctx.reply(referralText(overview, ctx.t), { link_preview_options: { is_disabled: true } });
  });

  dm.command("payout", async (ctx) => {
    const [address, network, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!address || !network || rest.length) return void (await ctx.reply(ctx.t("referral-payout-usage")));
    try {
      const payout = await requestPayout(
        { userId: ctx.userId, address, network },
        { db: ctx.deps.db, settings: ctx.deps.referrals?.settings },
      );
      ctx.log.info({ payoutId: payout.id, amountUsd: payout.amountUsd }, "payout requested");
      await ctx.reply(payoutRequestedText(payout, ctx.t));
    } catch (err) {
      await ctx.reply(referralErrorText(err, ctx.t));
    }
  });

  dm.command("banner", async (ctx) => {
    const data = await bannerData({ userId: ctx.userId, botUsername: ctx.me.username }, deps(ctx));
    const png = await renderBanner(bannerCard(data, ctx.t));
    await ctx.replyWithPhoto(new InputFile(png, "mimic-invite.png"), { caption: bannerCaption(data, ctx.t) });
  });
  return composer;
}
