import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { storedOptions } from "./proposal-input.ts";
import { type Tally, tallyProposal } from "./tally.ts";

export interface ProposalDetail {
  id: string;
  title: string;
  description: string;
  options: string[];
  status: string;
  endsAt: Date;
  createdAt: Date;
  createdBy: string;
  proposedById: string | null;
  approvedBy: string | null;
  resultPostedAt: Date | null;
  tally: Tally;
  /** Where it was announced. */
  posts: Array<{ transport: string; chatId: string; messageId: string | null }>;
  /** Who voted what: only when asked (the admin API's `?votes=1`); the bots never show it. */
  votes?: Array<{ userId: string; displayName: string | null; option: number; at: Date }>;
}

export async function getProposal(
  input: { proposalId: string; withVotes?: boolean },
  deps: { db: DbClient },
): Promise<ProposalDetail> {
  const p = await deps.db.proposal.findUnique({
    where: { id: input.proposalId },
    include: { posts: { select: { transport: true, chatId: true, messageId: true } } },
  });
  if (!p) throw new AppError("NOT_FOUND", "no such proposal");
  const detail: ProposalDetail = {
    id: p.id,
    title: p.title,
    description: p.description,
    options: storedOptions(p.options),
    status: p.status,
    endsAt: p.endsAt,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    proposedById: p.proposedById,
    approvedBy: p.approvedBy,
    resultPostedAt: p.resultPostedAt,
    tally: await tallyProposal(p, deps),
    posts: p.posts,
  };
  if (input.withVotes) {
    const votes = await deps.db.vote.findMany({
      where: { proposalId: p.id },
      orderBy: { updatedAt: "asc" },
      select: { userId: true, option: true, updatedAt: true, user: { select: { displayName: true } } },
    });
    detail.votes = votes.map((v) => ({
      userId: v.userId,
      displayName: v.user.displayName,
      option: v.option,
      at: v.updatedAt,
    }));
  }
  return detail;
}

/** The admin's list: newest first, optionally one status (pending_approval: what waits for a decision). */
export async function listProposals(
  input: { status?: "pending_approval" | "open" | "ended" | "rejected" },
  deps: { db: DbClient },
) {
  const rows = await deps.db.proposal.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, title: true, status: true, endsAt: true, createdBy: true, createdAt: true },
  });
  return { proposals: rows };
}
