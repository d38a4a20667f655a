import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import type { Logger } from "../../platform/logger.ts";
import { FAILED_POST } from "./announcements.ts";
import { auditGovernance } from "./governance-audit.ts";
import { tallyProposal } from "./tally.ts";

/** How often the worker looks for proposals past their end: a result is at most this late. */
export const END_PROPOSALS_INTERVAL_MS = 15_000;

/**
 * Ends every open proposal past `endsAt`: status open → ended (compare-and-set, so any number of workers end
 * each one once) with its result in the audit log. The bots then post that result where the proposal was
 * announced (pending-results.ts); a proposal announced nowhere has nothing to post and is done at once.
 */
export async function endDueProposals(deps: { db: DbClient; clock: Clock; logger?: Logger }): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.proposal.findMany({
    where: { status: "open", endsAt: { lte: now } },
    select: { id: true, title: true, options: true, quorum: true },
    take: 100,
  });
  let ended = 0;
  for (const p of due) {
    const tally = await tallyProposal(p, deps);
    const done = await deps.db.$transaction(async (tx) => {
      const claimed = await tx.proposal.updateMany({ where: { id: p.id, status: "open" }, data: { status: "ended" } });
      if (claimed.count === 0) return false;
      const announced = await tx.proposalPost.count({
        where: { proposalId: p.id, messageId: { not: null }, NOT: { messageId: FAILED_POST } },
      });
      if (announced === 0) await tx.proposal.update({ where: { id: p.id }, data: { resultPostedAt: now } });
      await auditGovernance(tx, {
        actor: "system:governance",
        action: "proposal.ended",
        details: { proposalId: p.id, title: p.title, ...tally },
      });
      return true;
    });
    if (done) ended += 1;
  }
  if (ended) deps.logger?.info({ ended }, "proposals ended");
  return ended;
}
