import { proposeAsUser } from "../../../core/community/governance/create-proposal.ts";
import { isEligibleVoter } from "../../../core/community/governance/eligibility.ts";
import { parseDuration } from "../../../core/community/governance/proposal-duration.ts";
import { proposalInput } from "../../../core/community/governance/proposal-input.ts";
import { parseInput } from "../../../core/platform/validation.ts";
import { governanceRefusal } from "../../shared/wording/governance-text.ts";
import type { CommandModule } from "../kit/command-module.ts";
import { customId } from "../kit/custom-id.ts";

const NAME = "propose";

/** /propose: a form (title, options one per line, duration, description); the proposal waits for an admin. */
export const proposeCommand: CommandModule = {
  name: NAME,
  place: "anywhere",
  description: "governance-command-propose",

  async run(input, res, deps) {
    const { t } = input;
    // Said before the form, so nobody fills one in for nothing.
    const user = await deps.db.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: { elite: true, level: true },
    });
    if (!isEligibleVoter(user)) return void (await res.reply({ text: t("governance-not-eligible") }));
    await res.showModal({
      id: customId(NAME, "new"),
      title: t("governance-modal-title"),
      fields: [
        { id: "title", label: t("governance-modal-field-title"), minLength: 3, maxLength: 200 },
        { id: "options", label: t("governance-modal-field-options"), style: "paragraph", maxLength: 500 },
        { id: "duration", label: t("governance-modal-field-duration"), maxLength: 8, placeholder: "3d" },
        {
          id: "description",
          label: t("governance-modal-field-description"),
          style: "paragraph",
          required: false,
          maxLength: 2000,
        },
      ],
    });
  },

  async modal(input, res, deps) {
    const { t } = input;
    const ms = parseDuration(input.fields.duration ?? "");
    if (ms === null) return void (await res.reply({ text: t("governance-propose-bad-duration") }));
    try {
      const parsed = parseInput(proposalInput, {
        title: input.fields.title ?? "",
        description: input.fields.description ?? "",
        options: (input.fields.options ?? "")
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean),
        endsAt: new Date(deps.clock.now().getTime() + ms),
      });
      const p = await proposeAsUser({ ...parsed, userId: input.userId }, deps);
      input.log.info({ proposalId: p.id }, "proposal sent for approval");
      await res.reply({ text: t("governance-propose-sent", { title: parsed.title }) });
    } catch (err) {
      await res.reply({ text: governanceRefusal(err, t) });
    }
  },
};
