import { Composer } from "grammy";
import { proposeAsUser } from "../../../core/community/governance/create-proposal.ts";
import { parseDuration } from "../../../core/community/governance/proposal-duration.ts";
import { proposalInput } from "../../../core/community/governance/proposal-input.ts";
import { parseInput } from "../../../core/platform/validation.ts";
import { governanceRefusal } from "../../shared/wording/governance-text.ts";
import type { BotContext } from "../bot-context.ts";

/**
 * /propose Title | option 1, option 2 | 3d | description: one line, so a proposal needs no conversation to
 * abandon halfway. It waits for an admin's approval (GET /api/admin/proposals?status=pending_approval).
 */
export function proposeFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("propose", async (ctx) => {
    const parts = ctx.match.split("|").map((s) => s.trim());
    const [title = "", options = "", duration = "", ...rest] = parts;
    if (parts.length < 3 || !title) {
      await ctx.reply(ctx.t("governance-propose-usage"));
      return;
    }
    const ms = parseDuration(duration);
    if (ms === null) {
      await ctx.reply(ctx.t("governance-propose-bad-duration"));
      return;
    }
    try {
      const input = parseInput(proposalInput, {
        title,
        description: rest.join(" | "),
        options: options
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        endsAt: new Date(ctx.deps.clock.now().getTime() + ms),
      });
      const p = await proposeAsUser({ ...input, userId: ctx.userId }, ctx.deps);
      ctx.log.info({ proposalId: p.id }, "proposal sent for approval");
      await ctx.reply(ctx.t("governance-propose-sent", { title: input.title }));
    } catch (err) {
      await ctx.reply(governanceRefusal(err, ctx.t));
    }
  });
  return composer;
}
