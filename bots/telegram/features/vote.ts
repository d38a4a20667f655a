import { Composer, InlineKeyboard } from "grammy";
import { castVote } from "../../../core/community/governance/cast-vote.ts";
import { isEligibleVoter } from "../../../core/community/governance/eligibility.ts";
import { listOpenProposals } from "../../../core/community/governance/open-proposals.ts";
import { governanceRefusal, proposalText, voteOutcomeText } from "../../shared/wording/governance-text.ts";
import type { BotContext } from "../bot-context.ts";

/** callback_data of an option's button: "gv:<proposal id>:<option index>" (41 of Telegram's 64 bytes). */
export const voteData = (proposalId: string, option: number) => `gv:${proposalId}:${option}`;
const VOTE_DATA = /^gv:([0-9a-f-]{36}):(\d)$/;

/** One button per option, a row each (labels up to 80 characters read better alone); ✓ marks the asker's vote. */
export function voteKeyboard(p: { id: string; options: string[] }, myVote: number | null = null): InlineKeyboard {
  const kb = new InlineKeyboard();
  p.options.forEach((label, i) => {
    kb.text(i === myVote ? `✓ ${label}` : label, voteData(p.id, i)).row();
  });
  return kb;
}

/**
 * /vote lists the open proposals, one message each with its buttons; a press (here, or under a proposal posted
 * in a group) votes as the Mimic user behind the sender, so Telegram and Discord share one vote.
 */
export function voteFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("vote", async (ctx) => {
    const user = await ctx.deps.db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { elite: true, level: true },
    });
    if (!isEligibleVoter(user)) {
      await ctx.reply(ctx.t("governance-not-eligible"));
      return;
    }
    const open = await listOpenProposals({ userId: ctx.userId }, ctx.deps);
    if (!open.length) {
      await ctx.reply(ctx.t("governance-none-open"));
      return;
    }
    for (const p of open) {
      await ctx.reply(proposalText(p, ctx.t), { reply_markup: voteKeyboard(p, p.myVote) });
    }
  });

  composer.callbackQuery(VOTE_DATA, async (ctx) => {
    const [, proposalId = "", option = ""] = ctx.match;
    let answer: string;
    let refused = false;
    try {
      const vote = await castVote({ proposalId, userId: ctx.userId, option: Number(option) }, ctx.deps);
      answer = voteOutcomeText(vote, ctx.t);
      ctx.log.info({ proposalId, outcome: vote.outcome }, "vote");
      // The asker's own /vote list shows their choice; a group's post is everyone's and stays as posted.
      if (ctx.chat?.type === "private" && vote.outcome !== "unchanged") {
        const options = (ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [])
          .flat()
          .map((b) => b.text.replace(/^✓ /, ""));
        await ctx
          .editMessageReplyMarkup({ reply_markup: voteKeyboard({ id: proposalId, options }, vote.option) })
          .catch(() => undefined);
      }
    } catch (err) {
      answer = governanceRefusal(err, ctx.t);
      refused = true;
    }
    // An alert only the presser sees: in a group nobody else learns who voted what, or who may not vote.
    await ctx.answerCallbackQuery({ text: answer, show_alert: refused });
  });
  return composer;
}
