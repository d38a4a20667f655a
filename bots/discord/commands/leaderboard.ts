import { z } from "zod";
import { joinLeaderboard } from "../../../core/community/leaderboard/join-leaderboard.ts";
import { leaveLeaderboard } from "../../../core/community/leaderboard/leave-leaderboard.ts";
import { showLeaderboard } from "../../../core/community/leaderboard/show-leaderboard.ts";
import { renderLeaderboardCard } from "../../shared/leaderboard-card/render-leaderboard-card.ts";
import { communityErrorText, leaderboardCaption, leaderboardCard } from "../../shared/wording/leaderboard-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { parseOptions } from "../kit/options.ts";

const options = z.object({
  period: z.enum(["7d", "30d"]).default("7d"),
  nickname: z.string().max(40).default(""),
});

/**
 * /leaderboard show [period] | join nickname | leave: the leaderboard card (a PNG, as the Telegram bot sends it)
 * and opting in or out. The nickname rules are core's (core/community/leaderboard/nickname.ts).
 */
export const leaderboardCommand: CommandModule = {
  name: "leaderboard",
  place: "anywhere",
  description: "help-command-leaderboard",
  build: (b, { text }) =>
    b
      .addSubcommand((s) =>
        text
          .describe(s.setName("show"), "leaderboard-command-show")
          .addStringOption((o) =>
            text
              .describe(o.setName("period"), "leaderboard-option-period")
              .addChoices({ name: "7d", value: "7d" }, { name: "30d", value: "30d" }),
          ),
      )
      .addSubcommand((s) =>
        text
          .describe(s.setName("join"), "leaderboard-command-join")
          .addStringOption((o) =>
            text.describe(
              o.setName("nickname").setRequired(true).setMinLength(3).setMaxLength(20),
              "leaderboard-option-nickname",
            ),
          ),
      )
      .addSubcommand((s) => text.describe(s.setName("leave"), "leaderboard-command-leave")),

  async run(input, res, deps) {
    const { t } = input;
    const { period, nickname } = parseOptions(options, input);
    try {
      if (input.subcommand === "join") {
        const joined = await joinLeaderboard({ userId: input.userId, nickname }, deps);
        input.log.info({ nickname: joined.nickname }, "joined the leaderboard");
        return void (await res.reply({ text: t("leaderboard-joined", { nickname: joined.nickname }) }));
      }
      if (input.subcommand === "leave") {
        const { left } = await leaveLeaderboard({ userId: input.userId }, deps);
        return void (await res.reply({ text: t(left ? "leaderboard-left" : "leaderboard-not-joined") }));
      }
    } catch (err) {
      return void (await res.reply({ text: communityErrorText(err, t) }));
    }
    // Rendering the card takes a moment: answer within Discord's 3 s first.
    await res.defer();
    const view = await showLeaderboard({ userId: input.userId, window: period }, deps);
    const png = await renderLeaderboardCard(leaderboardCard(view, t));
    const caption = leaderboardCaption(view, t);
    await res.reply({
      embeds: [{ description: caption, image: "leaderboard.png", tone: "info" }],
      files: [{ name: "leaderboard.png", data: png, description: caption }],
    });
  },
};
