import { bannerData } from "../../../core/billing/referrals/banner-data.ts";
import { renderBanner } from "../../shared/referral-banner/render-banner.ts";
import { bannerCaption, bannerCard } from "../../shared/wording/referral-text.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /banner: a shareable PNG with the user's referral code and a QR code of their link (as the Telegram bot's). */
export const bannerCommand: CommandModule = {
  name: "banner",
  place: "anywhere",
  description: "help-command-banner",

  async run(input, res, deps) {
    // Rendering takes a moment: answer within Discord's 3 s first.
    await res.defer();
    const data = await bannerData({ userId: input.userId, botUsername: deps.referrals?.telegramBotUsername }, deps);
    const png = await renderBanner(bannerCard(data, input.t));
    const caption = bannerCaption(data, input.t);
    await res.reply({
      embeds: [{ description: caption, image: "mimic-invite.png", tone: "info" }],
      files: [{ name: "mimic-invite.png", data: png, description: caption }],
    });
  },
};
