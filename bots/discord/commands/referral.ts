import { z } from "zod";
import { applyReferralCode } from "../../../core/billing/referrals/apply-referral-code.ts";
import { referralOverview } from "../../../core/billing/referrals/referral-overview.ts";
import { referralErrorText, referralText } from "../../shared/wording/referral-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { parseOptions } from "../kit/options.ts";

const options = z.object({ code: z.string().max(32).default("") });

/**
 * /referral show: the user's code, its Telegram deep link (TELEGRAM_BOT_USERNAME) and short link, and the
 * influencer stats. /referral use code: records who invited someone who joined in Discord (once; never oneself).
 */
export const referralCommand: CommandModule = {
  name: "referral",
  place: "anywhere",
  description: "help-command-referral",
  build: (b, { text }) =>
    b
      .addSubcommand((s) => text.describe(s.setName("show"), "referral-command-show"))
      .addSubcommand((s) =>
        text
          .describe(s.setName("use"), "referral-command-use")
          .addStringOption((o) =>
            text.describe(o.setName("code").setRequired(true).setMinLength(4).setMaxLength(16), "referral-option-code"),
          ),
      ),

  async run(input, res, deps) {
    const { t } = input;
    if (input.subcommand === "use") {
      const { code } = parseOptions(options, input);
      try {
        await applyReferralCode({ userId: input.userId, code }, deps);
        input.log.info("referrer recorded");
        return void (await res.reply({ text: t("referral-use-done", { code: code.trim().toUpperCase() }) }));
      } catch (err) {
        return void (await res.reply({ text: referralErrorText(err, t) }));
      }
    }
    const overview = await referralOverview(
      { userId: input.userId, botUsername: deps.referrals?.telegramBotUsername },
      deps,
    );
    const [title, ...lines] = referralText(overview, t, { discordCode: true }).split("\n");
    await res.reply({ embeds: [{ title, description: lines.join("\n"), tone: "info" }] });
  },
};
