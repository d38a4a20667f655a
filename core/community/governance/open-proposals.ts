import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { storedOptions } from "./proposal-input.ts";

export interface OpenProposal {
  id: string;
  title: string;
  description: string;
  options: string[];
  endsAt: Date;
  /** The asker's own vote, so the bot can mark it; null when they have not voted. */
  myVote: number | null;
}

/** What /vote lists: proposals still open for votes, the soonest to end first. */
export async function listOpenProposals(
  input: { userId: string | null },
  deps: { db: DbClient; clock: Clock },
): Promise<OpenProposal[]> {
  const rows = await deps.db.proposal.findMany({
    where: { status: "open", endsAt: { gt: deps.clock.now() } },
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    take: 10,
    include: input.userId ? { votes: { where: { userId: input.userId }, select: { option: true } } } : undefined,
  });
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    options: storedOptions(p.options),
    endsAt: p.endsAt,
    myVote: (p as { votes?: Array<{ option: number }> }).votes?.[0]?.option ?? null,
  }));
}
