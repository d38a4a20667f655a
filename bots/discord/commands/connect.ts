import { z } from "zod";
import { CONNECT_CODE_TTL_MS, issueConnectCode } from "../../../core/accounts/connect-code.ts";
import { redeemConnectCode } from "../../../core/accounts/redeem-connect-code.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { parseOptions } from "../kit/options.ts";

const options = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{4,20}$/, { error: "a connect code looks like ABCD-2345" })
    .optional(),
});

/**
 * /connect [code]: one person, one Mimic user on both apps. Without a code it issues one to enter in Telegram
 * (`/connect <code>`); with a code made in Telegram it joins this Discord account to that user (core merges what
 * this Discord identity had on its own).
 */
export const connectCommand: CommandModule = {
  name: "connect",
  place: "anywhere",
  description: "discord-command-connect",
  build: (b, { text }) =>
    b.addStringOption((o) => text.describe(o.setName("code").setMaxLength(20), "discord-connect-option-code")),

  async run(input, res, deps) {
    const { t } = input;
    const { code } = parseOptions(options, input);
    if (!code) {
      const issued = await issueConnectCode({ userId: input.userId, transport: "discord" }, deps);
      input.log.info("connect code issued");
      const minutes = Math.round(CONNECT_CODE_TTL_MS / 60_000);
      return void (await res.reply({ text: t("connect-code-for-telegram", { code: issued.code, minutes }) }));
    }
    const joined = await redeemConnectCode({ transport: "discord", externalId: input.discordUserId, code }, deps);
    input.log.info({ joinedUserId: joined.userId, merged: joined.merged }, "identities connected");
    await res.reply({ text: t(joined.merged ? "connect-merged" : "connect-done") });
  },
};
