import type { Logger } from "pino";
import { isAppError, toAppError } from "../../../core/platform/errors.ts";
import type { AcceptSignalDeps } from "../../../core/signals/accept-signal.ts";
import { receiveProviderSignal } from "../../../core/signals/receive-provider-signal.ts";
import type { T } from "../../shared/wording/translator.ts";
import type { SourceChannels } from "./source-channels.ts";

/** What the bot puts on a poster's message. */
export const REACTIONS = {
  /** Recorded as a signal of every bound strategy: new, or the same signal_id again (edit, repost). */
  recorded: "✅",
  /** Not a signal: a reply says what is wrong; nothing was recorded. */
  invalid: "❌",
  /** Readable, but recording it failed on our side (database or queue down): editing or reposting it retries. */
  failed: "⚠️",
} as const;

/** A message as the source listener needs it: plain data and three actions, so tests need no discord.js. */
export interface SourceMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  webhookId: string | null;
  content: string;
  react(emoji: string): Promise<void>;
  /** Takes the bot's own reaction off, when it has put it there. */
  unreact(emoji: string): Promise<void>;
  reply(text: string): Promise<void>;
}

export type SourceOutcome = "not-source" | "ignored" | "recorded" | "duplicate" | "invalid" | "failed";

export interface SourceMessageDeps extends AcceptSignalDeps {
  sourceChannels: SourceChannels;
  /** Wording in the guild's language, for the ❌ reply. */
  t: T;
}

/**
 * A message in a channel: nothing unless the channel is a source channel and the author (or webhook) is its
 * poster; then the content becomes a signal of each bound strategy through core's receive path, exactly once
 * per signal_id. ✅ on success (also for a duplicate, and for a stale signal: it is recorded, and the copying
 * path decides what a late signal still does), ❌ and a reply with core's words for a malformed one, ⚠️ when
 * recording failed on our side. An edit that breaks a recorded message keeps its ✅ (the signal stands) and gets ❌.
 */
export async function handleSourceMessage(msg: SourceMessage, deps: SourceMessageDeps): Promise<SourceOutcome> {
  if (!msg.guildId) return "not-source";
  const origin = { channelId: msg.channelId, authorId: msg.authorId, webhookId: msg.webhookId };
  const { source, matches } = await deps.sourceChannels.find(origin);
  if (!source) return "not-source";
  const log: Logger = deps.logger.child({ channelId: msg.channelId, messageId: msg.id });
  if (!matches.length) {
    log.debug(
      { authorId: msg.authorId, webhookId: msg.webhookId },
      "message in a source channel not by its poster: ignored",
    );
    return "ignored";
  }

  let duplicate = true;
  try {
    for (const binding of matches) {
      const received = await receiveProviderSignal(
        { strategyId: binding.strategyId, strategySlug: binding.strategySlug, content: msg.content },
        deps,
      );
      // Never rejects; waiting keeps the ✅ after the fan-out is queued, so a shutdown right after loses nothing.
      await received.queued;
      duplicate &&= received.duplicate;
      log.info(
        { signalId: received.signalId, strategy: binding.strategySlug, duplicate: received.duplicate },
        "source message recorded",
      );
    }
  } catch (err) {
    if (isAppError(err, "BAD_REQUEST")) {
      log.info({ problem: err.message }, "source message is not a signal");
      await msg.react(REACTIONS.invalid);
      await msg.reply(deps.t("channels-source-invalid", { problem: err.message }));
      return "invalid";
    }
    log.error({ err: toAppError(err).message }, "source message not recorded");
    await msg.react(REACTIONS.failed);
    return "failed";
  }
  // An edit that fixed a malformed message: its ❌ goes.
  await Promise.all([msg.unreact(REACTIONS.invalid), msg.unreact(REACTIONS.failed)]);
  await msg.react(REACTIONS.recorded);
  return duplicate ? "duplicate" : "recorded";
}
