import { joinTournament } from "../../../core/community/tournaments/join-tournament.ts";
import { showTournament } from "../../../core/community/tournaments/show-tournament.ts";
import { utcMinute } from "../../shared/wording/format.ts";
import { communityErrorText } from "../../shared/wording/leaderboard-text.ts";
import { tournamentText } from "../../shared/wording/tournament-text.ts";
import type { CommandModule } from "../kit/command-module.ts";

/** /tournament show | join: the current tournament's standings, or entering the next one before it starts. */
export const tournamentCommand: CommandModule = {
  name: "tournament",
  place: "anywhere",
  description: "help-command-tournament",
  build: (b, { text }) =>
    b
      .addSubcommand((s) => text.describe(s.setName("show"), "tournament-command-show"))
      .addSubcommand((s) => text.describe(s.setName("join"), "tournament-command-join")),

  async run(input, res, deps) {
    const { t } = input;
    if (input.subcommand === "join") {
      try {
        const { tournament, joined } = await joinTournament({ userId: input.userId }, deps);
        const args = {
          name: tournament.name,
          start: utcMinute(tournament.startsAt),
          end: utcMinute(tournament.endsAt),
        };
        return void (await res.reply({ text: t(joined ? "tournament-joined" : "tournament-already-joined", args) }));
      } catch (err) {
        return void (await res.reply({ text: communityErrorText(err, t) }));
      }
    }
    const view = await showTournament({ userId: input.userId }, deps);
    await res.reply({ embeds: [{ description: tournamentText(view, t), tone: "info" }] });
  },
};
