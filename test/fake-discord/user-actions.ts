// Simulated people (and webhooks) writing in channels: what arrives at the bot as MESSAGE_* events.
import { dispatchCreate, dispatchDelete, dispatchUpdate, newMessage } from "./bot-messages.ts";
import type { FakeContext } from "./context.ts";
import type { Embed, StoredMessage } from "./models.ts";
import { addReaction } from "./rest-routes-messages.ts";
import { ensureDmChannel, ensureUser } from "./setup.ts";

export interface PostMessageOptions {
  channelId?: string;
  /** Shortcut for "this user writes to the bot in DMs" (channelId is then the user's DM channel). */
  dmFrom?: string;
  authorId?: string;
  /** A webhook post (e.g. a trading-signal relay): author is the webhook itself, with bot: true. */
  webhookId?: string;
  webhookName?: string;
  content: string;
  embeds?: Embed[];
  /** Only checked against the channel's guild. */
  guildId?: string;
  replyTo?: string;
}

export function postMessage(ctx: FakeContext, opts: PostMessageOptions): StoredMessage {
  const channelId = opts.channelId ?? (opts.dmFrom ? ensureDmChannel(ctx, opts.dmFrom).id : undefined);
  const channel = channelId ? ctx.state.channels.get(channelId) : undefined;
  if (!channel) throw new Error(`fake-discord: postMessage to unknown channel ${channelId}`);
  if (opts.guildId && channel.guildId !== opts.guildId) {
    throw new Error(`fake-discord: channel ${channel.id} is not in guild ${opts.guildId}`);
  }
  let authorId: string;
  if (opts.webhookId) {
    authorId = opts.webhookId;
    if (!ctx.state.user(authorId)) {
      ctx.state.users.set(authorId, {
        id: authorId,
        username: opts.webhookName ?? "Captain Hook",
        globalName: null,
        bot: true,
      });
    }
  } else {
    authorId = opts.authorId ?? opts.dmFrom ?? "";
    if (!authorId) throw new Error("fake-discord: postMessage needs authorId, dmFrom or webhookId");
    ensureUser(ctx, authorId);
    if (channel.guildId && !ctx.state.guilds.get(channel.guildId)?.members.has(authorId)) {
      throw new Error(`fake-discord: ${authorId} is not a member of the channel's guild`);
    }
  }
  const message = newMessage({
    channelId: channel.id,
    guildId: channel.guildId,
    authorId,
    webhookId: opts.webhookId ?? null,
    content: opts.content,
    embeds: opts.embeds ?? [],
    type: opts.replyTo ? 19 : 0,
    ...(opts.replyTo && {
      messageReference: { message_id: opts.replyTo, channel_id: channel.id, guild_id: channel.guildId ?? undefined },
    }),
  });
  message.history.push({ content: message.content, embeds: message.embeds, components: [], at: message.createdAt });
  ctx.state.storeMessage(message);
  dispatchCreate(ctx, message);
  return message;
}

export function editMessage(ctx: FakeContext, channelId: string, messageId: string, content: string): StoredMessage {
  const message = ctx.state.messageById.get(messageId);
  if (!message || message.channelId !== channelId)
    throw new Error(`fake-discord: no message ${messageId} in ${channelId}`);
  message.content = content;
  message.editedAt = new Date().toISOString();
  message.history.push({ content, embeds: message.embeds, components: message.components, at: message.editedAt });
  ctx.state.changed();
  dispatchUpdate(ctx, message);
  return message;
}

export function deleteMessage(ctx: FakeContext, channelId: string, messageId: string): void {
  const message = ctx.state.messageById.get(messageId);
  if (!message || message.channelId !== channelId)
    throw new Error(`fake-discord: no message ${messageId} in ${channelId}`);
  message.deleted = true;
  ctx.state.changed();
  dispatchDelete(ctx, message);
}

export function react(
  ctx: FakeContext,
  opts: { channelId: string; messageId: string; userId: string; emoji: string },
): void {
  const message = ctx.state.messageById.get(opts.messageId);
  if (!message || message.channelId !== opts.channelId) throw new Error(`fake-discord: no message ${opts.messageId}`);
  ensureUser(ctx, opts.userId);
  addReaction(ctx, message, opts.emoji, opts.userId);
}
