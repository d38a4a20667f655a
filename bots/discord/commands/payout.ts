import { z } from "zod";
import { PAYOUT_NETWORKS } from "../../../core/billing/referrals/payout-address.ts";
import { requestPayout } from "../../../core/billing/referrals/request-payout.ts";
import { payoutRequestedText, referralErrorText } from "../../shared/wording/referral-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { parseOptions } from "../kit/options.ts";

const options = z.object({ address: z.string().max(100), network: z.string().max(20) });

/** /payout address network: asks for the approved referral balance in USDT (core checks address and minimum). */
export const payoutCommand: CommandModule = {
  name: "payout",
  place: "anywhere",
  description: "help-command-payout",
  build: (b, { text }) =>
    b
      .addStringOption((o) =>
        text.describe(
          o.setName("address").setRequired(true).setMinLength(20).setMaxLength(100),
          "referral-payout-option-address",
        ),
      )
      .addStringOption((o) =>
        text
          .describe(o.setName("network").setRequired(true), "referral-payout-option-network")
          .addChoices(...Object.keys(PAYOUT_NETWORKS).map((n) => ({ name: n, value: n }))),
      ),

  async run(input, res, deps) {
    const { address, network } = parseOptions(options, input);
    try {
      const payout = await requestPayout(
        { userId: input.userId, address, network },
        { db: deps.db, settings: deps.referrals?.settings },
      );
      input.log.info({ payoutId: payout.id, amountUsd: payout.amountUsd }, "payout requested");
      await res.reply({ text: payoutRequestedText(payout, input.t) });
    } catch (err) {
      await res.reply({ text: referralErrorText(err, input.t) });
    }
  },
};
