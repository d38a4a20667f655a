import { communityProfile } from "../../../core/community/community-profile.ts";
import { achievementsText } from "../../shared/wording/xp-text.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /achievements: the whole catalogue, earned or not (core/community/achievements.ts). */
export const achievementsCommand: CommandModule = {
  name: "achievements",
  place: "anywhere",
  description: "help-command-achievements",

  async run(input, res, deps) {
    const profile = await communityProfile({ userId: input.userId, withRank: false }, deps);
    const { title, lines } = achievementsText(profile, input.t);
    await res.reply({ embeds: [{ title, description: lines.join("\n"), tone: "info" }] });
  },
};
