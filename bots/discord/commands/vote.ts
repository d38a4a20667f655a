import { castVote } from "../../../core/community/governance/cast-vote.ts";
import { isEligibleVoter } from "../../../core/community/governance/eligibility.ts";
import { listOpenProposals } from "../../../core/community/governance/open-proposals.ts";
import { governanceRefusal, proposalText, voteOutcomeText } from "../../shared/wording/governance-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId, packId, unpackId } from "../kit/custom-id.ts";
import { type ButtonView, button, type RowView } from "../kit/view.ts";

const NAME = "vote";
// Discord shows at most five buttons a row; three keep six options in two even rows.
const PER_ROW = 3;

/** A proposal's buttons, here (ephemeral /vote) and under its post in a governance channel: "vote:v:<id>:<n>". */
export function voteRows(p: { id: string; options: string[] }, myVote: number | null = null): RowView[] {
  const buttons: ButtonView[] = p.options.map((label, i) =>
    button(customId(NAME, "v", packId(p.id), String(i)), label, i === myVote ? "success" : "primary"),
  );
  const rows: RowView[] = [];
  for (let i = 0; i < buttons.length; i += PER_ROW) rows.push(buttons.slice(i, i + PER_ROW));
  return rows;
}

/**
 * /vote: the open proposals, one private message each with its buttons. A press, here or under a channel post,
 * votes as the Mimic user behind the member: one vote per person across Discord and Telegram. Every answer is
 * private, so nobody learns another's vote.
 */
export const voteCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "help-command-vote",

  async run(input, res, deps) {
    const { t } = input;
    const user = await deps.db.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { elite: true, level: true },
    });
    if (!isEligibleVoter(user)) return void (await res.reply({ text: t("governance-not-eligible") }));
    const open = await listOpenProposals({ userId: input.userId }, deps);
    if (!open.length) return void (await res.reply({ text: t("governance-none-open") }));
    for (const p of open.slice(0, 5)) {
      await res.reply({
        embeds: [{ description: proposalText(p, t), tone: "info" }],
        rows: voteRows(p, p.myVote),
      });
    }
  },

  async component(input, res, deps) {
    const proposalId = unpackId(input.args[0]);
    const option = Number(input.args[1]);
    if (input.action !== "v" || !proposalId || !Number.isInteger(option)) {
      return void (await res.reply({ text: input.t("common-menu-expired") }));
    }
    try {
      const vote = await castVote({ proposalId, userId: input.userId, option }, deps);
      input.log.info({ proposalId, outcome: vote.outcome }, "vote");
      await res.reply({ text: voteOutcomeText(vote, input.t) });
    } catch (err) {
      await res.reply({ text: governanceRefusal(err, input.t) });
    }
  },
};
