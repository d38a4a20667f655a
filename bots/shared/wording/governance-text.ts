import type { VoteOutcome } from "../../../core/community/governance/cast-vote.ts";
import type { OpenProposal } from "../../../core/community/governance/open-proposals.ts";
import type { Tally } from "../../../core/community/governance/tally.ts";
import { toAppError } from "../../../core/platform/errors.ts";
import { errorText } from "./error-text.ts";
import { utcMinute } from "./format.ts";
import type { T } from "./translator.ts";

/** A proposal as both bots post it (the buttons are each bot's own). */
export function proposalText(p: Pick<OpenProposal, "title" | "description" | "endsAt">, t: T): string {
  return [
    t("governance-proposal-title", { title: p.title }),
    p.description,
    t("governance-ends", { endsAt: utcMinute(p.endsAt) }),
  ]
    .filter(Boolean)
    .join("\n\n");
}

export function voteOutcomeText(v: VoteOutcome, t: T): string {
  return t(`governance-vote-${v.outcome}`, { option: v.optionLabel });
}

/** A refused vote or proposal in the voter's words; not_elite says how to become eligible. */
export function governanceRefusal(err: unknown, t: T): string {
  const reason = toAppError(err).details?.reason;
  if (reason === "not_elite") return t("governance-not-eligible");
  if (reason === "closed") return t("governance-closed");
  if (reason === "bad_option") return t("governance-bad-option");
  return errorText(err, t);
}

/** The result post: each option's votes and share, the turnout, the quorum and the outcome. */
export function resultText(r: { title: string; tally: Tally }, t: T): string {
  const { tally } = r;
  const lines = [t("governance-result-title", { title: r.title })];
  for (const o of tally.options) {
    const percent = tally.turnout ? Math.round((o.votes * 100) / tally.turnout) : 0;
    lines.push(t("governance-result-line", { option: o.label, votes: o.votes, percent }));
  }
  lines.push(t("governance-result-turnout", { turnout: tally.turnout }));
  if (tally.quorum !== null) {
    lines.push(
      t(tally.quorumMet ? "governance-result-quorum-met" : "governance-result-quorum-missed", { quorum: tally.quorum }),
    );
  }
  const leading = tally.leading.map((i) => tally.options[i]?.label ?? "?");
  if (leading.length === 0) lines.push(t("governance-result-no-votes"));
  else if (leading.length === 1) lines.push(t("governance-result-winner", { option: leading[0] ?? "" }));
  else lines.push(t("governance-result-tie", { options: leading.join(", ") }));
  return lines.join("\n");
}
