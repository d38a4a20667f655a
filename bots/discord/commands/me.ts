import { communityProfile } from "../../../core/community/community-profile.ts";
import { meText } from "../../shared/wording/xp-text.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /me: level, XP to the next level, leaderboard rank and the achievements earned (core/community). */
export const meCommand: CommandModule = {
  name: "me",
  place: "anywhere",
  description: "help-command-me",

  async run(input, res, deps) {
    const { title, lines } = meText(await communityProfile({ userId: input.userId }, deps), input.t);
    await res.reply({ embeds: [{ title, description: lines.join("\n"), tone: "info" }] });
  },
};
