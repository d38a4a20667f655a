import { type APIMessage, type Client, Routes } from "discord.js";
import type { PendingSignalPost } from "../../../core/channels/pending-signal-posts.ts";
import { createSignalPublisher } from "../../../core/channels/signal-publisher.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { postError } from "./discord-errors.ts";
import { signalPostBody } from "./signal-embed.ts";

/** How often the publish outbox is read: a signal waits at most this long before its post starts. */
export const PUBLISH_TICK_MS = 250;

export type PostSender = (post: PendingSignalPost, opts: { nonce: string }) => Promise<string>;

/** Posts one signal through REST (no channel cache needed), in the guild's language; resolves to the message id. */
export function discordPostSender(client: Client<true>, deps: Pick<DiscordDeps, "translator">): PostSender {
  return async (post, { nonce }) => {
    const t = deps.translator.forLocale(client.guilds.cache.get(post.guildId)?.preferredLocale);
    try {
      const message = (await client.rest.post(Routes.channelMessages(post.channelId), {
        body: signalPostBody(post, t, nonce),
      })) as APIMessage;
      return message.id;
    } catch (err) {
      throw postError(err);
    }
  };
}

/**
 * Runs core's publisher: a tick every `tickMs` reads the outbox (one query) and starts each channel's posts
 * without waiting for them, so a slow or retrying channel never delays the next tick or another channel. From a
 * signal recorded to its post being sent: at most one tick plus the query and Discord's answer, well under a
 * second. Exactly once across bot processes comes from core's claim (SignalPost row) and the message nonce.
 */
export function startPublishing(
  deps: Pick<DiscordDeps, "db" | "clock" | "logger">,
  send: PostSender,
  opts: { tickMs?: number } = {},
): { stop(): Promise<void> } {
  const tickMs = opts.tickMs ?? PUBLISH_TICK_MS;
  const logger = deps.logger.child({ loop: "signal-publisher" });
  const publisher = createSignalPublisher({ db: deps.db, clock: deps.clock, logger, send });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = publisher
        .tick()
        .then(() => undefined)
        .catch((err: Error) => logger.warn({ err: err.message }, "publish outbox not read"))
        .finally(schedule);
    }, tickMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      // Posts already claimed finish (or are recorded as failed) rather than waiting out their lease.
      await publisher.drain();
    },
  };
}
