import type { AdminActor } from "../../admin/audit.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { AppError } from "../../platform/errors.ts";
import { isEligibleVoter } from "./eligibility.ts";
import { auditGovernance } from "./governance-audit.ts";
import type { ProposalInput } from "./proposal-input.ts";

export interface CreatedProposal {
  id: string;
  status: "open" | "pending_approval";
  endsAt: Date;
}

function assertFuture(endsAt: Date, now: Date): void {
  if (endsAt.getTime() <= now.getTime()) {
    throw new AppError("BAD_REQUEST", "endsAt: must be in the future", { details: { field: "endsAt" } });
  }
}

/** An admin's proposal: open at once; the bots' announcement outbox posts it to every community channel. */
export async function createProposalAsAdmin(
  input: ProposalInput,
  deps: { db: DbClient; clock: Clock; who: AdminActor },
): Promise<CreatedProposal> {
  assertFuture(input.endsAt, deps.clock.now());
  return deps.db.$transaction(async (tx) => {
    const p = await tx.proposal.create({
      data: {
        title: input.title,
        description: input.description,
        options: input.options,
        endsAt: input.endsAt,
        quorum: input.quorum ?? null,
        status: "open",
        createdBy: deps.who.actor,
        approvedBy: deps.who.actor,
      },
    });
    await auditGovernance(tx, {
      actor: deps.who.actor,
      ip: deps.who.ip,
      action: "proposal.created",
      details: { proposalId: p.id, title: p.title, options: input.options, endsAt: p.endsAt, quorum: p.quorum },
    });
    return { id: p.id, status: "open", endsAt: p.endsAt };
  });
}

/**
 * An elite user's proposal (/propose): it waits for an admin. Its duration is kept (endsAt - createdAt) and
 * counted again from the approval, so a proposal approved late still gets the time its author asked for.
 */
export async function proposeAsUser(
  input: ProposalInput & { userId: string },
  deps: { db: DbClient; clock: Clock },
): Promise<CreatedProposal> {
  const now = deps.clock.now();
  assertFuture(input.endsAt, now);
  const user = await deps.db.user.findUnique({ where: { id: input.userId }, select: { elite: true, level: true } });
  if (!user) throw new AppError("NOT_FOUND", "no such user");
  if (!isEligibleVoter(user)) {
    throw new AppError("FORBIDDEN", "only elite users may propose", { details: { reason: "not_elite" } });
  }
  return deps.db.$transaction(async (tx) => {
    const p = await tx.proposal.create({
      data: {
        title: input.title,
        description: input.description,
        options: input.options,
        endsAt: input.endsAt,
        quorum: input.quorum ?? null,
        status: "pending_approval",
        createdBy: `user:${input.userId}`,
        proposedById: input.userId,
        createdAt: now,
      },
    });
    // The admins find it in the audit log and in GET /api/admin/proposals?status=pending_approval.
    await auditGovernance(tx, {
      actor: `user:${input.userId}`,
      userId: input.userId,
      action: "proposal.proposed",
      details: { proposalId: p.id, title: p.title, options: input.options, durationMs: duration(p) },
    });
    return { id: p.id, status: "pending_approval", endsAt: p.endsAt };
  });
}

const duration = (p: { endsAt: Date; createdAt: Date }) => p.endsAt.getTime() - p.createdAt.getTime();

/** Approves (voting opens now, for the proposed duration) or rejects an elite user's proposal, once. */
export async function reviewProposal(
  input: { proposalId: string; decision: "approve" | "reject" },
  deps: { db: DbClient; clock: Clock; who: AdminActor },
): Promise<{ id: string; status: "open" | "rejected"; endsAt: Date }> {
  const now = deps.clock.now();
  const p = await deps.db.proposal.findUnique({ where: { id: input.proposalId } });
  if (!p) throw new AppError("NOT_FOUND", "no such proposal");
  if (p.status !== "pending_approval") {
    throw new AppError("CONFLICT", `the proposal is ${p.status}, not waiting for approval`, {
      details: { status: p.status },
    });
  }
  const approve = input.decision === "approve";
  const endsAt = approve ? new Date(now.getTime() + Math.max(duration(p), 60_000)) : p.endsAt;
  return deps.db.$transaction(async (tx) => {
    // Compare-and-set: two admins approving at once make one decision.
    const done = await tx.proposal.updateMany({
      where: { id: p.id, status: "pending_approval" },
      data: approve ? { status: "open", approvedBy: deps.who.actor, endsAt } : { status: "rejected" },
    });
    if (done.count === 0) throw new AppError("CONFLICT", "the proposal was decided meanwhile");
    await auditGovernance(tx, {
      actor: deps.who.actor,
      ip: deps.who.ip,
      userId: p.proposedById,
      action: approve ? "proposal.approved" : "proposal.rejected",
      details: { proposalId: p.id, title: p.title, ...(approve ? { endsAt } : {}) },
    });
    return { id: p.id, status: approve ? "open" : "rejected", endsAt };
  });
}
