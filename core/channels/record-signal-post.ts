import { createHash } from "node:crypto";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { POST_CLAIM_LEASE_MS } from "./pending-signal-posts.ts";

export interface SignalPostKey {
  signalId: string;
  channelId: string;
}

/**
 * Takes the right to post a signal in a channel, before sending: inserts its SignalPost row (messageId null),
 * or takes over a claim abandoned longer than the lease (its process died before it finished). False: another
 * process has it, or it is already posted or failed for good. The primary key makes this exactly one claimant,
 * whatever number of bot processes run the publisher.
 */
export async function claimSignalPost(key: SignalPostKey, deps: { db: DbClient; clock: Clock }): Promise<boolean> {
  const now = deps.clock.now();
  const abandoned = new Date(now.getTime() - POST_CLAIM_LEASE_MS);
  const rows = await deps.db.$queryRaw<unknown[]>`
    INSERT INTO "SignalPost" ("signalId", "channelId", "postedAt") VALUES (${key.signalId}, ${key.channelId}, ${now})
    ON CONFLICT ("signalId", "channelId") DO UPDATE SET "postedAt" = EXCLUDED."postedAt"
      WHERE "SignalPost"."messageId" IS NULL AND "SignalPost"."error" IS NULL AND "SignalPost"."postedAt" < ${abandoned}
    RETURNING "signalId"`;
  return rows.length > 0;
}

/** The message is in the channel: the post is done for good. */
export async function recordSignalPost(
  input: SignalPostKey & { messageId: string },
  deps: { db: DbClient; clock: Clock },
): Promise<void> {
  await deps.db.signalPost.update({
    where: { signalId_channelId: { signalId: input.signalId, channelId: input.channelId } },
    data: { messageId: input.messageId, error: null, postedAt: deps.clock.now() },
  });
}

/** Sending failed for good (after its retries, or a refusal such as Missing Access): kept, never retried. */
export async function recordSignalPostFailure(input: SignalPostKey & { error: string }, deps: { db: DbClient }) {
  await deps.db.signalPost.update({
    where: { signalId_channelId: { signalId: input.signalId, channelId: input.channelId } },
    data: { error: input.error.slice(0, 500) || "failed" },
  });
}

/**
 * Discord's message `nonce` for this post (at most 25 characters). Sent with `enforce_nonce: true`, a second
 * create with it within a few minutes returns the first message instead of posting again: a retry after a lost
 * answer, or after a claim was taken over from a process that died after sending, posts nothing twice.
 */
export function signalPostNonce(key: SignalPostKey): string {
  return createHash("sha256").update(`${key.signalId}:${key.channelId}`).digest("hex").slice(0, 25);
}
