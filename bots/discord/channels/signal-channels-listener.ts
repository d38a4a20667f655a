import type { Message, PartialMessage } from "discord.js";
import { LRUCache } from "lru-cache";
import type { ListenerContext, MessageListener } from "../kit/command-module.ts";
import { discordPostSender, startPublishing } from "./publish-loop.ts";
import { discordRoleApi, startRoleSync } from "./role-sync-loop.ts";
import { sourceChannelsOf } from "./source-channels.ts";
import { handleSourceMessage, type SourceMessage } from "./source-message.ts";

// The content each message was last handled with: Discord also sends an update when only an embed was added (a
// link unfurled), and a malformed message must not get a second reply for that.
const handled = new LRUCache<string, string>({ max: 5_000 });

/**
 * Signal channels on the gateway: source-channel messages (new and edited) become signals; `start` runs the
 * publisher (signals posted in publish channels) and the subscriber-role sync while the bot runs. Intervals are
 * options for tests only.
 */
export function createSignalChannelsListener(
  opts: { publishTickMs?: number; roleSyncMs?: number } = {},
): MessageListener {
  return {
    name: "signal-channels",

    messageCreate: (message, ctx) => onMessage(message, ctx),

    async messageUpdate(_before, after, ctx) {
      await onMessage(after, ctx);
    },

    start(ctx) {
      const { client, deps } = ctx;
      const publishing = startPublishing(deps, discordPostSender(client, deps), { tickMs: opts.publishTickMs });
      const roles = startRoleSync(deps, discordRoleApi(client), { intervalMs: opts.roleSyncMs });
      return {
        async stop() {
          await Promise.all([publishing.stop(), roles.stop()]);
        },
      };
    },
  };
}

export const signalChannelsListener = createSignalChannelsListener();

async function onMessage(raw: Message | PartialMessage, ctx: ListenerContext): Promise<void> {
  // Cheap exits first: DMs and the bot's own messages (its ❌ replies sit in the source channel too).
  if (!raw.guildId || raw.author?.id === ctx.client.user.id) return;
  const { deps } = ctx;
  const sourceChannels = sourceChannelsOf(deps.db);
  let message: Message;
  if (raw.partial) {
    // Only fetch what a source channel holds: an edit of an uncached message elsewhere costs nothing.
    if (!(await sourceChannels.find({ channelId: raw.channelId, authorId: "" })).source) return;
    message = await raw.fetch();
    if (message.author.id === ctx.client.user.id) return;
  } else {
    message = raw;
  }
  if (handled.get(message.id) === message.content) return;
  const outcome = await handleSourceMessage(sourceMessage(message, ctx), {
    ...deps,
    sourceChannels,
    t: deps.translator.forLocale(message.guild?.preferredLocale),
  });
  if (outcome !== "not-source" && outcome !== "failed") handled.set(message.id, message.content);
}

function sourceMessage(message: Message, ctx: ListenerContext): SourceMessage {
  const me = ctx.client.user.id;
  // The signal is recorded whatever happens to the reaction or the reply (the bot may lack Add Reactions there):
  // a failed one is logged, never thrown, so one missing permission does not hide the others' outcome.
  const quietly = (what: string, p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (err: Error) =>
        ctx.deps.logger.warn(
          { channelId: message.channelId, messageId: message.id, err: err.message },
          `${what} failed`,
        ),
    );
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.author.id,
    webhookId: message.webhookId,
    content: message.content,
    react: (emoji) => quietly("reaction", message.react(emoji)),
    unreact: async (emoji) => {
      const reaction = message.reactions.cache.get(emoji);
      if (reaction?.me) await quietly("removing a reaction", reaction.users.remove(me));
    },
    reply: (text) =>
      quietly("reply", message.reply({ content: text, allowedMentions: { parse: [], repliedUser: true } })),
  };
}
