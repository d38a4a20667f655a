import { Composer, InputFile } from "grammy";
import { joinLeaderboard } from "../../../core/community/leaderboard/join-leaderboard.ts";
import type { LeaderboardWindow } from "../../../core/community/leaderboard/leaderboard-window.ts";
import { leaveLeaderboard } from "../../../core/community/leaderboard/leave-leaderboard.ts";
import { showLeaderboard } from "../../../core/community/leaderboard/show-leaderboard.ts";
import { renderLeaderboardCard } from "../../shared/leaderboard-card/render-leaderboard-card.ts";
import { communityErrorText, leaderboardCaption, leaderboardCard } from "../../shared/wording/leaderboard-text.ts";
import type { BotContext } from "../bot-context.ts";

/**
 * /leaderboard [7d|30d]: the card of the top 10 and the asker's rank (7 days by default);
 * /leaderboard join <nickname>: appear on it; /leaderboard leave: be taken off.
 */
export function leaderboardFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("leaderboard", async (ctx) => {
    const [first = "", ...rest] = ctx.match.trim().split(/\s+/);
    const verb = first.toLowerCase();
    const arg = rest.join(" ");
    try {
      if (verb === "join") {
        const { nickname } = await joinLeaderboard({ userId: ctx.userId, nickname: arg }, ctx.deps);
        ctx.log.info({ nickname }, "joined the leaderboard");
        return void (await ctx.reply(ctx.t("leaderboard-joined", { nickname })));
      }
      if (verb === "leave") {
        const { left } = await leaveLeaderboard({ userId: ctx.userId }, ctx.deps);
        return void (await ctx.reply(ctx.t(left ? "leaderboard-left" : "leaderboard-not-joined")));
      }
    } catch (err) {
      return void (await ctx.reply(communityErrorText(err, ctx.t)));
    }
    if (verb !== "" && verb !== "7d" && verb !== "30d") return void (await ctx.reply(ctx.t("leaderboard-usage")));
    const window: LeaderboardWindow = verb === "30d" ? "30d" : "7d";
    const view = await showLeaderboard({ userId: ctx.userId, window }, ctx.deps);
    const png = await renderLeaderboardCard(leaderboardCard(view, ctx.t));
    await ctx.replyWithPhoto(new InputFile(png, "leaderboard.png"), { caption: leaderboardCaption(view, ctx.t) });
  });
  return composer;
}
