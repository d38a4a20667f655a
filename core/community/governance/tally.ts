import type { DbClient } from "../../platform/db-client.ts";
import { storedOptions } from "./proposal-input.ts";

export interface Tally {
  options: Array<{ index: number; label: string; votes: number }>;
  /** How many people voted. */
  turnout: number;
  quorum: number | null;
  /** True without a quorum; else turnout ≥ quorum. */
  quorumMet: boolean;
  /** The options with the most votes (several on a tie; none without votes). */
  leading: number[];
}

/** Counts one proposal's votes: counts only, never who voted what (that is the admin's `votes` list). */
export async function tallyProposal(
  proposal: { id: string; options: unknown; quorum: number | null },
  deps: { db: DbClient },
): Promise<Tally> {
  const groups = await deps.db.vote.groupBy({
    by: ["option"],
    where: { proposalId: proposal.id },
    _count: { _all: true },
  });
  return countVotes(
    storedOptions(proposal.options),
    groups.map((g) => ({ option: g.option, votes: g._count._all })),
    proposal.quorum,
  );
}

export function countVotes(labels: string[], counts: Array<{ option: number; votes: number }>, quorum: number | null) {
  const options = labels.map((label, index) => ({
    index,
    label,
    votes: counts.find((c) => c.option === index)?.votes ?? 0,
  }));
  const turnout = options.reduce((n, o) => n + o.votes, 0);
  const top = Math.max(0, ...options.map((o) => o.votes));
  return {
    options,
    turnout,
    quorum,
    quorumMet: quorum === null || turnout >= quorum,
    leading: top === 0 ? [] : options.filter((o) => o.votes === top).map((o) => o.index),
  } satisfies Tally;
}
