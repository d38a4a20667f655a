import type { ChatTransport } from "../../accounts/ensure-chat-user.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DbClient } from "../../platform/db-client.ts";
import { storedOptions } from "./proposal-input.ts";

/** A claim not finished in this long is taken to be abandoned (the bot process died): it is pending again. */
export const GOVERNANCE_POST_LEASE_MS = 60_000;
/** ProposalPost.messageId of an announcement refused for good (Missing Access, a chat the bot left). */
export const FAILED_POST = "";

export interface PendingAnnouncement {
  proposalId: string;
  title: string;
  description: string;
  options: string[];
  endsAt: Date;
  chatId: string;
  guildId: string | null;
}

export interface PostKey {
  proposalId: string;
  transport: ChatTransport;
  chatId: string;
}

/** The announcement outbox of one transport: open proposals not yet posted in one of its community channels. */
export async function pendingAnnouncements(
  input: { transport: ChatTransport; limit?: number },
  deps: { db: DbClient; clock: Clock },
): Promise<PendingAnnouncement[]> {
  const now = deps.clock.now();
  const abandoned = new Date(now.getTime() - GOVERNANCE_POST_LEASE_MS);
  const rows = await deps.db.$queryRaw<Array<Omit<PendingAnnouncement, "options"> & { options: unknown }>>`
    SELECT p."id" AS "proposalId", p."title", p."description", p."options", p."endsAt", c."chatId", c."guildId"
    FROM "Proposal" p
    JOIN "CommunityChannel" c ON c."transport"::text = ${input.transport}
    LEFT JOIN "ProposalPost" pp ON pp."proposalId" = p."id" AND pp."transport" = c."transport"
      AND pp."chatId" = c."chatId"
    WHERE p."status" = 'open' AND p."endsAt" > ${now}
      AND (pp."proposalId" IS NULL OR (pp."messageId" IS NULL AND pp."postedAt" < ${abandoned}))
    ORDER BY p."createdAt", p."id", c."chatId"
    LIMIT ${input.limit ?? 50}`;
  return rows.map((r) => ({ ...r, options: storedOptions(r.options) }));
}

/** Takes the right to announce in a chat before sending; false: another process has it, or it is done. */
export async function claimAnnouncement(key: PostKey, deps: { db: DbClient; clock: Clock }): Promise<boolean> {
  const now = deps.clock.now();
  const abandoned = new Date(now.getTime() - GOVERNANCE_POST_LEASE_MS);
  const rows = await deps.db.$queryRaw<unknown[]>`
    INSERT INTO "ProposalPost" ("proposalId", "transport", "chatId", "postedAt")
    VALUES (${key.proposalId}, ${key.transport}::"ChatTransport", ${key.chatId}, ${now})
    ON CONFLICT ("proposalId", "transport", "chatId") DO UPDATE SET "postedAt" = EXCLUDED."postedAt"
      WHERE "ProposalPost"."messageId" IS NULL AND "ProposalPost"."postedAt" < ${abandoned}
    RETURNING "proposalId"`;
  return rows.length > 0;
}

/** The announcement is in the chat (messageId), or was refused for good (FAILED_POST): never sent again. */
export async function recordAnnouncement(
  input: PostKey & { messageId: string },
  deps: { db: DbClient; clock: Clock },
): Promise<void> {
  await deps.db.proposalPost.update({
    where: {
      proposalId_transport_chatId: { proposalId: input.proposalId, transport: input.transport, chatId: input.chatId },
    },
    data: { messageId: input.messageId, postedAt: deps.clock.now() },
  });
}
