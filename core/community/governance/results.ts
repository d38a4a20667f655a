import { createHash } from "node:crypto";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { FAILED_POST, GOVERNANCE_POST_LEASE_MS, type PostKey } from "./announcements.ts";
import { type Tally, tallyProposal } from "./tally.ts";

export interface PendingResult {
  proposalId: string;
  title: string;
  chatId: string;
  /** The announcement, so the result can answer it. */
  messageId: string;
  tally: Tally;
}

/**
 * The result post in one chat is its own audit row ("proposal.result_posted"), whose id is derived from
 * (proposal, transport, chat): the primary key makes it the claim, exactly as ProposalPost is the
 * announcement's, with no column more on ProposalPost. Postgres computes the same id (md5 as a uuid).
 */
export function resultClaimId(key: PostKey): string {
  const h = createHash("md5").update(`result:${key.proposalId}:${key.transport}:${key.chatId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Ended proposals whose result is not yet posted in one of this transport's announcements. */
export async function pendingResults(
  input: { transport: PostKey["transport"]; limit?: number },
  deps: { db: DbClient; clock: Clock },
): Promise<PendingResult[]> {
  const abandoned = new Date(deps.clock.now().getTime() - GOVERNANCE_POST_LEASE_MS);
  const rows = await deps.db.$queryRaw<
    Array<{
      proposalId: string;
      title: string;
      options: unknown;
      quorum: number | null;
      chatId: string;
      messageId: string;
    }>
  >`
    SELECT p."id" AS "proposalId", p."title", p."options", p."quorum", pp."chatId", pp."messageId"
    FROM "Proposal" p
    JOIN "ProposalPost" pp ON pp."proposalId" = p."id" AND pp."transport"::text = ${input.transport}
    LEFT JOIN "AuditLog" a ON a."id" = md5('result:' || p."id" || ':' || ${input.transport} || ':' || pp."chatId")::uuid::text
    WHERE p."status" = 'ended' AND p."resultPostedAt" IS NULL
      AND pp."messageId" IS NOT NULL AND pp."messageId" <> ${FAILED_POST}
      AND (a."id" IS NULL OR (a."details"->>'messageId' IS NULL AND a."details"->>'error' IS NULL AND a."at" < ${abandoned}))
    ORDER BY p."endsAt", p."id", pp."chatId"
    LIMIT ${input.limit ?? 50}`;
  const out: PendingResult[] = [];
  for (const r of rows) {
    const tally = await tallyProposal({ id: r.proposalId, options: r.options, quorum: r.quorum }, deps);
    out.push({ proposalId: r.proposalId, title: r.title, chatId: r.chatId, messageId: r.messageId, tally });
  }
  return out;
}

/** Takes the right to post a result in a chat (the audit row, written now); false: someone else has it. */
export async function claimResult(key: PostKey, deps: { db: DbClient; clock: Clock }): Promise<boolean> {
  const now = deps.clock.now();
  const abandoned = new Date(now.getTime() - GOVERNANCE_POST_LEASE_MS);
  const details = JSON.stringify({ proposalId: key.proposalId, transport: key.transport, chatId: key.chatId });
  const rows = await deps.db.$queryRaw<unknown[]>`
    INSERT INTO "AuditLog" ("id", "at", "actor", "action", "details")
    VALUES (${resultClaimId(key)}, ${now}, 'system:governance', 'proposal.result_posted', ${details}::jsonb)
    ON CONFLICT ("id") DO UPDATE SET "at" = EXCLUDED."at"
      WHERE "AuditLog"."details"->>'messageId' IS NULL AND "AuditLog"."details"->>'error' IS NULL
        AND "AuditLog"."at" < ${abandoned}
    RETURNING "id"`;
  return rows.length > 0;
}

/**
 * The result is in the chat (or failed for good, `error`): the claim row says so, and once every announcement
 * of the proposal has its result the proposal is done (`resultPostedAt`), so nothing is ever posted twice.
 */
export async function recordResult(
  input: PostKey & ({ messageId: string } | { error: string }),
  deps: { db: DbClient; clock: Clock },
): Promise<void> {
  const outcome = "messageId" in input ? { messageId: input.messageId } : { error: input.error.slice(0, 300) };
  await deps.db.$executeRaw`
    UPDATE "AuditLog" SET "details" = "details" || ${JSON.stringify(outcome)}::jsonb WHERE "id" = ${resultClaimId(input)}`;
  await deps.db.$executeRaw`
    UPDATE "Proposal" p SET "resultPostedAt" = ${deps.clock.now()}
    WHERE p."id" = ${input.proposalId} AND p."resultPostedAt" IS NULL AND NOT EXISTS (
      SELECT 1 FROM "ProposalPost" pp
      LEFT JOIN "AuditLog" a ON a."id" = md5('result:' || pp."proposalId" || ':' || pp."transport"::text || ':' || pp."chatId")::uuid::text
      WHERE pp."proposalId" = p."id" AND pp."messageId" IS NOT NULL AND pp."messageId" <> ${FAILED_POST}
        AND (a."id" IS NULL OR (a."details"->>'messageId' IS NULL AND a."details"->>'error' IS NULL)))`;
}
