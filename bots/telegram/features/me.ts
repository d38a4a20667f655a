import { Composer } from "grammy";
import { communityProfile } from "../../../core/community/community-profile.ts";
import { achievementsText, meText } from "../../shared/wording/xp-text.ts";
import type { BotContext } from "../bot-context.ts";

/** /me (level, XP to the next level, rank, achievements earned) and /achievements (all of them, earned or not). */
export function meFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const dm = composer.chatType("private");
  dm.command("me", async (ctx) => {
    const { title, lines } = meText(await communityProfile({ userId: ctx.userId }, ctx.deps), ctx.t);
    await ctx.reply([title, ...lines].join("\n"));
  });
  dm.command("achievements", async (ctx) => {
    const profile = await communityProfile({ userId: ctx.userId, withRank: false }, ctx.deps);
    const { title, lines } = achievementsText(profile, ctx.t);
    await ctx.reply([title, ...lines].join("\n"));
  });
  return composer;
}
