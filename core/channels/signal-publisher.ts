import type { Logger } from "pino";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { isAppError } from "../platform/errors.ts";
import { type PendingSignalPost, pendingSignalPosts } from "./pending-signal-posts.ts";
import { claimSignalPost, recordSignalPost, recordSignalPostFailure, signalPostNonce } from "./record-signal-post.ts";

export interface SignalPublisherDeps {
  db: DbClient;
  clock: Clock;
  logger: Logger;
  /**
   * Posts the signal's embed in its channel with this `nonce` (and `enforce_nonce: true`); resolves to the
   * message id. Throw an AppError with a non-retryable code (FORBIDDEN, NOT_FOUND) for a refusal that will not
   * change, such as Missing Access or Unknown Channel; anything else is tried again.
   */
  send(post: PendingSignalPost, opts: { nonce: string }): Promise<string>;
  sleep?: (ms: number) => Promise<void>;
}

export interface SignalPublisher {
  /** One look at the outbox: starts posting in every channel that has something and is not busy already. */
  tick(): Promise<{ started: number }>;
  /** Resolves when every post started so far has been sent or given up on (for shutdown and tests). */
  drain(): Promise<void>;
}

const RETRY_DELAYS_MS = [1_000, 3_000];

/**
 * Posts each signal of a publish binding exactly once: a post is claimed (SignalPost row) before it is sent and
 * marked with its message id after. A failed send is tried again (same nonce, so Discord never shows it twice)
 * after each of `retryDelaysMs`, then recorded as failed and left. Channels post in parallel, each channel's
 * signals in order; a channel waiting to retry holds up only itself. Call `tick` every ~250 ms.
 */
export function createSignalPublisher(
  deps: SignalPublisherDeps,
  opts: { retryDelaysMs?: number[]; limit?: number } = {},
): SignalPublisher {
  const busy = new Map<string, Promise<void>>();
  const delays = opts.retryDelaysMs ?? RETRY_DELAYS_MS;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function post(p: PendingSignalPost): Promise<void> {
    const key = { signalId: p.signalId, channelId: p.channelId };
    if (!(await claimSignalPost(key, deps))) return;
    const nonce = signalPostNonce(key);
    for (let attempt = 0; ; attempt++) {
      try {
        const messageId = await deps.send(p, { nonce });
        await recordSignalPost({ ...key, messageId }, deps);
        return;
      } catch (err) {
        const retryable = isAppError(err) ? err.retryable : true;
        const delay = delays[attempt];
        if (retryable && delay !== undefined) {
          await sleep(delay);
          continue;
        }
        const error = err instanceof Error ? err.message : String(err);
        deps.logger.warn({ ...key, err: error }, "signal not posted in its channel");
        await recordSignalPostFailure({ ...key, error }, deps);
        return;
      }
    }
  }

  async function postInOrder(posts: PendingSignalPost[]): Promise<void> {
    for (const p of posts) {
      // A database error leaves the claim to its lease: the post is pending again after it.
      await post(p).catch((err: unknown) => deps.logger.error({ signalId: p.signalId, err }, "signal post failed"));
    }
  }

  return {
    async tick() {
      const byChannel = new Map<string, PendingSignalPost[]>();
      const pending = await pendingSignalPosts({ limit: opts.limit, excludeChannelIds: [...busy.keys()] }, deps);
      for (const p of pending) {
        // Still busy: it became busy while the query ran.
        if (busy.has(p.channelId)) continue;
        const posts = byChannel.get(p.channelId);
        if (posts) posts.push(p);
        else byChannel.set(p.channelId, [p]);
      }
      for (const [channelId, posts] of byChannel) {
        busy.set(
          channelId,
          postInOrder(posts).finally(() => busy.delete(channelId)),
        );
      }
      return { started: byChannel.size };
    },
    async drain() {
      while (busy.size) await Promise.all(busy.values());
    },
  };
}
