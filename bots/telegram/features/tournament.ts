import { Composer } from "grammy";
import { joinTournament } from "../../../core/community/tournaments/join-tournament.ts";
import { showTournament } from "../../../core/community/tournaments/show-tournament.ts";
import { utcMinute } from "../../shared/wording/format.ts";
import { communityErrorText } from "../../shared/wording/leaderboard-text.ts";
import { tournamentText } from "../../shared/wording/tournament-text.ts";
import type { BotContext } from "../bot-context.ts";

/** /tournament: the standings of the current tournament; /tournament join: enter the next one before it starts. */
export function tournamentFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("tournament", async (ctx) => {
    if (ctx.match.trim().toLowerCase() === "join") {
      try {
        const { tournament: t, joined } = await joinTournament({ userId: ctx.userId }, ctx.deps);
        const args = { name: t.name, start: utcMinute(t.startsAt), end: utcMinute(t.endsAt) };
        return void (await ctx.reply(ctx.t(joined ? "tournament-joined" : "tournament-already-joined", args)));
      } catch (err) {
        return void (await ctx.reply(communityErrorText(err, ctx.t)));
      }
    }
    await ctx.reply(tournamentText(await showTournament({ userId: ctx.userId }, ctx.deps), ctx.t));
  });
  return composer;
}
