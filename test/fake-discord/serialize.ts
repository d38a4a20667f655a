// Discord wire shapes (API v10) built from the fake's records. Only fields discord.js reads or bots commonly use,
// but every field it dereferences without a guard is present.
import type { FakeContext } from "./context.ts";
import {
  ChannelType,
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
  type FakeRole,
  type FakeUser,
  type StoredAttachment,
  type StoredMessage,
} from "./models.ts";
import { memberPermissions } from "./permissions.ts";

export type Json = Record<string, unknown>;

export function userJson(u: FakeUser): Json {
  return {
    id: u.id,
    username: u.username,
    global_name: u.globalName,
    discriminator: "0",
    avatar: null,
    bot: u.bot || undefined,
    public_flags: 0,
    flags: 0,
  };
}

export function roleJson(r: FakeRole): Json {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: r.position,
    permissions: r.permissions.toString(),
    managed: Boolean(r.botId),
    mentionable: false,
    flags: 0,
    ...(r.botId && { tags: { bot_id: r.botId } }),
  };
}

export function memberJson(ctx: FakeContext, m: FakeMember, opts: { withUser?: boolean } = {}): Json {
  const user = ctx.state.user(m.userId);
  return {
    ...(opts.withUser !== false && user && { user: userJson(user) }),
    nick: m.nick,
    avatar: null,
    banner: null,
    roles: [...m.roles],
    joined_at: m.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member object inside interactions and resolved data: carries the computed `permissions` string. */
export function interactionMemberJson(ctx: FakeContext, guild: FakeGuild, m: FakeMember, withUser = true): Json {
  const permissions = memberPermissions(guild, m, (id) => ctx.state.role(id));
  return { ...memberJson(ctx, m, { withUser }), permissions: permissions.toString() };
}

export function channelJson(ctx: FakeContext, c: FakeChannel): Json {
  if (c.type === ChannelType.DM) {
    const recipient = c.recipientId ? ctx.state.user(c.recipientId) : undefined;
    return {
      id: c.id,
      type: c.type,
      last_message_id: lastMessageId(ctx, c.id),
      flags: 0,
      recipients: recipient ? [userJson(recipient)] : [],
    };
  }
  return {
    id: c.id,
    type: c.type,
    guild_id: c.guildId,
    name: c.name,
    position: c.position,
    parent_id: c.parentId,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: lastMessageId(ctx, c.id),
    flags: 0,
  };
}

function lastMessageId(ctx: FakeContext, channelId: string): string | null {
  const list = ctx.state.messages.get(channelId);
  return list?.at(-1)?.id ?? null;
}

/** GET /guilds/{id}: no channels or members, as Discord. */
export function guildJson(ctx: FakeContext, g: FakeGuild): Json {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: ctx.state.guildRoles(g.id).map(roleJson),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: g.preferredLocale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
  };
}

/** The GUILD_CREATE dispatch for one session. */
export function guildCreateJson(ctx: FakeContext, g: FakeGuild, includeAllMembers: boolean): Json {
  const members = [...g.members.values()].filter((m) => includeAllMembers || m.userId === ctx.botUserId);
  const bot = g.members.get(ctx.botUserId);
  return {
    ...guildJson(ctx, g),
    unavailable: false,
    joined_at: bot?.joinedAt ?? new Date().toISOString(),
    large: false,
    member_count: g.members.size,
    members: members.map((m) => memberJson(ctx, m)),
    channels: g.channelIds.map((id) => channelJson(ctx, ctx.state.channels.get(id)!)),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function attachmentJson(ctx: FakeContext, channelId: string, a: StoredAttachment): Json {
  const url = `${ctx.baseUrl}/attachments/${channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
  return {
    id: a.id,
    filename: a.filename,
    description: a.description,
    content_type: a.contentType,
    size: a.size,
    url,
    proxy_url: url,
    ...(a.width !== undefined && { width: a.width, height: a.height }),
  };
}

export function messageJson(ctx: FakeContext, m: StoredMessage): Json {
  const author = ctx.state.user(m.authorId) ?? {
    id: m.authorId,
    username: "Deleted User",
    globalName: null,
    bot: false,
  };
  const guild = m.guildId ? ctx.state.guilds.get(m.guildId) : undefined;
  const member = guild?.members.get(m.authorId);
  const interaction = m.interactionId ? ctx.state.interactions.get(m.interactionId) : undefined;
  const interactionUser = interaction ? ctx.state.user(interaction.userId) : undefined;
  return {
    id: m.id,
    type: m.type,
    channel_id: m.channelId,
    ...(m.guildId && { guild_id: m.guildId }),
    author: userJson(author),
    ...(member && !m.webhookId && { member: memberJson(ctx, member, { withUser: false }) }),
    content: m.content,
    timestamp: m.createdAt,
    edited_timestamp: m.editedAt,
    tts: false,
    mention_everyone: false,
    mentions: mentionedUsers(ctx, m.content),
    mention_roles: [...m.content.matchAll(/<@&(\d+)>/g)].map((x) => x[1]),
    attachments: m.attachments.map((a) => attachmentJson(ctx, m.channelId, a)),
    embeds: m.embeds,
    components: m.components,
    pinned: false,
    flags: m.flags,
    ...(m.webhookId && { webhook_id: m.webhookId }),
    ...(m.interactionId && { application_id: ctx.applicationId }),
    ...(m.nonce !== undefined && { nonce: m.nonce }),
    ...(m.messageReference && { message_reference: { type: 0, ...m.messageReference } }),
    ...(m.reactions.size > 0 && { reactions: reactionsJson(ctx, m) }),
    ...(interaction && {
      interaction_metadata: {
        id: interaction.id,
        type: interaction.payload.type,
        user: interactionUser ? userJson(interactionUser) : { id: interaction.userId },
        authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
      },
    }),
  };
}

function reactionsJson(ctx: FakeContext, m: StoredMessage): Json[] {
  return [...m.reactions.entries()]
    .filter(([, users]) => users.size > 0)
    .map(([emoji, users]) => ({
      emoji: emojiJson(emoji),
      count: users.size,
      count_details: { burst: 0, normal: users.size },
      me: users.has(ctx.botUserId),
      me_burst: false,
      burst_colors: [],
    }));
}

function mentionedUsers(ctx: FakeContext, content: string): Json[] {
  const ids = new Set([...content.matchAll(/<@!?(\d+)>/g)].map((x) => x[1]!));
  return [...ids].flatMap((id) => {
    const user = ctx.state.user(id);
    return user ? [userJson(user)] : [];
  });
}

/** "✅" -> { id: null, name: "✅" }; "party:123" -> { id: "123", name: "party" }. */
export function emojiJson(emoji: string): Json {
  const custom = /^a?:?([\w~]+):(\d+)$/.exec(emoji);
  return custom ? { id: custom[2], name: custom[1] } : { id: null, name: emoji };
}
