// Channels, messages, reactions and DM channels.
import { applyEdit, botMessage, dispatchCreate, dispatchDelete, dispatchUpdate } from "./bot-messages.ts";
import type { FakeContext } from "./context.ts";
import { DiscordHttpError, Errors } from "./errors.ts";
import { ChannelType, type FakeChannel, type StoredMessage } from "./models.ts";
import { memberPermissions, Permission } from "./permissions.ts";
import { json, noContent, type RouteDef, type RouteRequest } from "./router.ts";
import { channelJson, emojiJson, messageJson, userJson } from "./serialize.ts";
import { ensureDmChannel } from "./setup.ts";
import type { MessageBody } from "./validate-message.ts";

function channelOf(ctx: FakeContext, req: RouteRequest): FakeChannel {
  const channel = ctx.state.channels.get(req.params.channel!);
  if (!channel) throw Errors.unknownChannel();
  return channel;
}

function messageOf(ctx: FakeContext, req: RouteRequest): StoredMessage {
  channelOf(ctx, req);
  const message = ctx.state.messageById.get(req.params.message!);
  if (!message || message.deleted || message.channelId !== req.params.channel) throw Errors.unknownMessage();
  return message;
}

/** Guild-level check only: the fake does not model channel permission overwrites. */
export function requireBotPermission(ctx: FakeContext, guildId: string | null, permission: bigint): void {
  if (!guildId) return;
  const guild = ctx.state.guilds.get(guildId);
  const member = guild?.members.get(ctx.botUserId);
  if (!guild || !member) throw Errors.missingPermissions();
  if ((memberPermissions(guild, member, (id) => ctx.state.role(id)) & permission) !== permission) {
    throw Errors.missingPermissions();
  }
}

/** Unicode emoji or a custom "name:id"; anything else is what Discord calls an unknown emoji. */
function parseEmoji(raw: string): string {
  const emoji = raw.trim();
  if (/^a?:?[\w~]+:\d+$/.test(emoji)) return emoji.replace(/^a?:/, "");
  if (/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(emoji)) return emoji;
  throw Errors.unknownEmoji();
}

function reactionEvent(ctx: FakeContext, m: StoredMessage, emoji: string, userId: string) {
  const member = m.guildId ? ctx.state.guilds.get(m.guildId)?.members.get(userId) : undefined;
  return {
    user_id: userId,
    channel_id: m.channelId,
    message_id: m.id,
    ...(m.guildId && { guild_id: m.guildId }),
    ...(member && {
      member: { user: userJson(ctx.state.user(userId)!), roles: member.roles, joined_at: member.joinedAt },
    }),
    emoji: emojiJson(emoji),
    message_author_id: m.authorId,
    burst: false,
    type: 0,
  };
}

export function addReaction(ctx: FakeContext, m: StoredMessage, emoji: string, userId: string): void {
  const users = m.reactions.get(emoji) ?? new Set<string>();
  if (users.has(userId)) return;
  users.add(userId);
  m.reactions.set(emoji, users);
  ctx.state.changed();
  ctx.dispatch("MESSAGE_REACTION_ADD", reactionEvent(ctx, m, emoji, userId));
}

function removeReaction(ctx: FakeContext, m: StoredMessage, emoji: string, userId: string): void {
  if (!m.reactions.get(emoji)?.delete(userId)) return;
  ctx.state.changed();
  const { member: _member, message_author_id: _author, ...event } = reactionEvent(ctx, m, emoji, userId);
  ctx.dispatch("MESSAGE_REACTION_REMOVE", event);
}

export const messageRoutes: RouteDef[] = [
  { method: "GET", template: "/channels/:channel", handle: (req, ctx) => json(channelJson(ctx, channelOf(ctx, req))) },
  {
    method: "DELETE",
    template: "/channels/:channel",
    handle: (req, ctx) => {
      const channel = channelOf(ctx, req);
      // Closing a DM only hides it for the bot; only guild channels would really be deleted (not modelled).
      if (channel.type !== ChannelType.DM) throw Errors.missingPermissions();
      return json(channelJson(ctx, channel));
    },
  },
  {
    method: "POST",
    template: "/channels/:channel/typing",
    handle: (req, ctx) => {
      channelOf(ctx, req);
      return noContent();
    },
  },
  {
    method: "GET",
    template: "/channels/:channel/messages",
    handle: (req, ctx) => {
      const channel = channelOf(ctx, req);
      const limit = Math.min(100, Number(req.query.get("limit") ?? 50));
      const before = req.query.get("before");
      const after = req.query.get("after");
      let list = ctx.state.messagesIn(channel.id).filter((m) => !(m.flags & 64));
      if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
      if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
      // Newest first, as Discord returns them.
      const page = after ? list.slice(0, limit) : list.slice(-limit);
      return json(page.reverse().map((m) => messageJson(ctx, m)));
    },
  },
  {
    method: "POST",
    template: "/channels/:channel/messages",
    handle: (req, ctx) => {
      const channel = channelOf(ctx, req);
      if (channel.type === ChannelType.DM && channel.recipientId && ctx.state.closedDms.has(channel.recipientId)) {
        throw Errors.cannotSendToUser();
      }
      requireBotPermission(ctx, channel.guildId, Permission.ViewChannel | Permission.SendMessages);
      const message = ctx.state.storeMessage(botMessage(ctx, channel.id, (req.body ?? {}) as MessageBody, req.files));
      dispatchCreate(ctx, message);
      return json(messageJson(ctx, message));
    },
  },
  {
    method: "GET",
    template: "/channels/:channel/messages/:message",
    handle: (req, ctx) => json(messageJson(ctx, messageOf(ctx, req))),
  },
  {
    method: "PATCH",
    template: "/channels/:channel/messages/:message",
    handle: (req, ctx) => {
      const message = messageOf(ctx, req);
      if (message.authorId !== ctx.botUserId) throw Errors.cannotEditOthers();
      applyEdit(message, (req.body ?? {}) as MessageBody, req.files);
      ctx.state.changed();
      dispatchUpdate(ctx, message);
      return json(messageJson(ctx, message));
    },
  },
  {
    method: "DELETE",
    template: "/channels/:channel/messages/:message",
    handle: (req, ctx) => {
      const message = messageOf(ctx, req);
      if (message.authorId !== ctx.botUserId) {
        if (!message.guildId)
          throw new DiscordHttpError(403, { message: "Cannot execute action on a DM channel", code: 50003 });
        requireBotPermission(ctx, message.guildId, Permission.ManageMessages);
      }
      message.deleted = true;
      ctx.state.changed();
      dispatchDelete(ctx, message);
      return noContent();
    },
  },
  {
    method: "PUT",
    template: "/channels/:channel/messages/:message/reactions/:emoji/@me",
    handle: (req, ctx) => {
      const message = messageOf(ctx, req);
      requireBotPermission(ctx, message.guildId, Permission.AddReactions | Permission.ReadMessageHistory);
      addReaction(ctx, message, parseEmoji(req.params.emoji!), ctx.botUserId);
      return noContent();
    },
  },
  {
    method: "DELETE",
    template: "/channels/:channel/messages/:message/reactions/:emoji/:user",
    handle: (req, ctx) => {
      const message = messageOf(ctx, req);
      const userId = req.params.user === "@me" ? ctx.botUserId : req.params.user!;
      if (userId !== ctx.botUserId) requireBotPermission(ctx, message.guildId, Permission.ManageMessages);
      removeReaction(ctx, message, parseEmoji(req.params.emoji!), userId);
      return noContent();
    },
  },
  {
    method: "GET",
    template: "/channels/:channel/messages/:message/reactions/:emoji",
    handle: (req, ctx) => {
      const users = messageOf(ctx, req).reactions.get(parseEmoji(req.params.emoji!)) ?? new Set();
      return json([...users].flatMap((id) => (ctx.state.user(id) ? [userJson(ctx.state.user(id)!)] : [])));
    },
  },
  {
    method: "DELETE",
    template: "/channels/:channel/messages/:message/reactions",
    handle: (req, ctx) => {
      const message = messageOf(ctx, req);
      requireBotPermission(ctx, message.guildId, Permission.ManageMessages);
      message.reactions.clear();
      ctx.state.changed();
      return noContent();
    },
  },
  {
    method: "POST",
    template: "/users/@me/channels",
    handle: (req, ctx) => {
      const recipientId = String((req.body as { recipient_id?: unknown } | undefined)?.recipient_id ?? "");
      if (!ctx.state.user(recipientId)) throw Errors.unknownUser();
      return json(channelJson(ctx, ensureDmChannel(ctx, recipientId)));
    },
  },
];
