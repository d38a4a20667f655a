import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { isEligibleVoter } from "./eligibility.ts";
import { auditGovernance } from "./governance-audit.ts";
import { storedOptions } from "./proposal-input.ts";

export interface VoteOutcome {
  /** recorded: a first vote; changed: replaced another option; unchanged: the same option again, nothing written. */
  outcome: "recorded" | "changed" | "unchanged";
  proposalId: string;
  title: string;
  option: number;
  optionLabel: string;
}

/**
 * One person, one vote per proposal: the vote belongs to the User, so a Telegram and a Discord identity joined
 * by /connect share it. Refusals are AppErrors whose `details.reason` the bots word: not_elite (says how to
 * become eligible), closed (ended, or not open yet), bad_option.
 */
export async function castVote(
  input: { proposalId: string; userId: string; option: number },
  deps: { db: DbClient; clock: Clock },
): Promise<VoteOutcome> {
  const { db } = deps;
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { elite: true, level: true } });
  if (!user) throw new AppError("NOT_FOUND", "no such user");
  if (!isEligibleVoter(user)) {
    throw new AppError("FORBIDDEN", "only elite users vote", { details: { reason: "not_elite" } });
  }
  const p = await db.proposal.findUnique({
    where: { id: input.proposalId },
    select: { id: true, title: true, options: true, status: true, endsAt: true },
  });
  if (!p) throw new AppError("NOT_FOUND", "no such proposal");
  const options = storedOptions(p.options);
  const label = options[input.option];
  if (!Number.isInteger(input.option) || label === undefined) {
    throw new AppError("BAD_REQUEST", "no such option", { details: { reason: "bad_option" } });
  }
  const base = { proposalId: p.id, title: p.title, option: input.option, optionLabel: label };
  return db.$transaction(async (tx) => {
    // The end is checked against the row as locked, so a vote racing the closing job is either in or refused.
    const [row] = await tx.$queryRaw<Array<{ status: string; endsAt: Date }>>`
      SELECT "status"::text AS "status", "endsAt" FROM "Proposal" WHERE "id" = ${p.id} FOR SHARE`;
    if (row?.status !== "open" || row.endsAt.getTime() <= deps.clock.now().getTime()) {
      throw new AppError("CONFLICT", "voting on this proposal is closed", {
        details: { reason: "closed", status: row?.status ?? p.status },
      });
    }
    const [previous] = await tx.$queryRaw<Array<{ option: number }>>`
      SELECT "option" FROM "Vote" WHERE "proposalId" = ${p.id} AND "userId" = ${input.userId} FOR UPDATE`;
    if (previous?.option === input.option) return { ...base, outcome: "unchanged" as const };
    if (previous) {
      await tx.vote.update({
        where: { proposalId_userId: { proposalId: p.id, userId: input.userId } },
        data: { option: input.option },
      });
    } else {
      const now = deps.clock.now();
      const inserted = await tx.$executeRaw`
        INSERT INTO "Vote" ("proposalId", "userId", "option", "createdAt", "updatedAt")
        VALUES (${p.id}, ${input.userId}, ${input.option}, ${now}, ${now}) ON CONFLICT DO NOTHING`;
      // Two presses of one person at the same instant: the other one recorded it; this one changes nothing.
      if (inserted === 0) return { ...base, outcome: "unchanged" as const };
    }
    await auditGovernance(tx, {
      actor: `user:${input.userId}`,
      userId: input.userId,
      action: previous ? "vote.changed" : "vote.cast",
      details: { proposalId: p.id, option: input.option, ...(previous ? { from: previous.option } : {}) },
    });
    return { ...base, outcome: previous ? ("changed" as const) : ("recorded" as const) };
  });
}
