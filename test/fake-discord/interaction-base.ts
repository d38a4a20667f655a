// The envelope every INTERACTION_CREATE shares: who, where, permissions, locale, and a fresh id and token.
import type { FakeContext } from "./context.ts";
import { interactionToken, snowflake } from "./ids.ts";
import { ChannelType, type FakeChannel, type FakeGuild, type StoredMessage } from "./models.ts";
import { memberPermissions, Permission } from "./permissions.ts";
import { channelJson, interactionMemberJson, messageJson, userJson } from "./serialize.ts";
import { ensureDmChannel, ensureUser } from "./setup.ts";
import type { InteractionRecord } from "./state.ts";

export interface ActorOptions {
  userId: string;
  /** Defaults to the channel's guild; without both, the interaction happens in the user's DM with the bot. */
  guildId?: string;
  /** Defaults to the guild's first text channel, or the user's DM channel. */
  channelId?: string;
  /** The user's client language, e.g. "de" or "pt-BR" (Discord default "en-US"). */
  locale?: string;
  /** Overrides member.permissions for this interaction (e.g. to simulate a user lacking Manage Server). */
  memberPermissions?: bigint | string | number;
}

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

// What a bot may do in a DM with a user.
const DM_APP_PERMISSIONS =
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands;

export function resolveWhere(ctx: FakeContext, actor: ActorOptions): { channel: FakeChannel; guild?: FakeGuild } {
  ensureUser(ctx, actor.userId);
  let channel: FakeChannel | undefined;
  if (actor.channelId) {
    channel = ctx.state.channels.get(actor.channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${actor.channelId}`);
  } else if (actor.guildId) {
    const guild = ctx.state.guilds.get(actor.guildId);
    const first = guild?.channelIds
      .map((id) => ctx.state.channels.get(id)!)
      .find((c) => c.type === ChannelType.GuildText);
    if (!first) throw new Error(`fake-discord: guild ${actor.guildId} has no text channel`);
    channel = first;
  } else {
    channel = ensureDmChannel(ctx, actor.userId);
  }
  if (actor.guildId && channel.guildId !== actor.guildId) {
    throw new Error(`fake-discord: channel ${channel.id} is not in guild ${actor.guildId}`);
  }
  if (channel.type === ChannelType.DM && channel.recipientId !== actor.userId) {
    throw new Error(`fake-discord: channel ${channel.id} is another user's DM`);
  }
  const guild = channel.guildId ? ctx.state.guilds.get(channel.guildId) : undefined;
  if (guild && !guild.members.has(actor.userId)) {
    throw new Error(
      `fake-discord: user ${actor.userId} is not a member of guild ${guild.name}; add them in addGuild/addMember`,
    );
  }
  return { channel, guild };
}

export function createInteraction(
  ctx: FakeContext,
  type: number,
  data: Record<string, unknown>,
  actor: ActorOptions,
  extra: { message?: StoredMessage } = {},
): InteractionRecord {
  const { channel, guild } = resolveWhere(ctx, actor);
  const user = ctx.state.user(actor.userId)!;
  const id = snowflake();
  const token = interactionToken();
  const role = (rid: string) => ctx.state.role(rid);
  let member: Record<string, unknown> | undefined;
  let appPermissions = DM_APP_PERMISSIONS;
  if (guild) {
    const m = guild.members.get(actor.userId)!;
    const override = actor.memberPermissions === undefined ? undefined : BigInt(actor.memberPermissions);
    member = interactionMemberJson(ctx, guild, override === undefined ? m : { ...m, permissionsOverride: override });
    appPermissions = memberPermissions(guild, guild.members.get(ctx.botUserId)!, role);
  }

  const payload: Record<string, unknown> = {
    id,
    application_id: ctx.applicationId,
    type,
    data,
    ...(guild && { guild_id: guild.id, guild: { id: guild.id, locale: guild.preferredLocale, features: [] } }),
    channel: { ...channelJson(ctx, channel), ...(member && { permissions: member.permissions }) },
    channel_id: channel.id,
    ...(member ? { member } : { user: userJson(user) }),
    token,
    version: 1,
    app_permissions: appPermissions.toString(),
    locale: actor.locale ?? "en-US",
    ...(guild && { guild_locale: guild.preferredLocale }),
    entitlements: [],
    // Guild install ("0"): the guild's id, or "0" when used in the bot's DM.
    authorizing_integration_owners: { "0": guild?.id ?? "0" },
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(extra.message && { message: messageJson(ctx, extra.message) }),
  };

  const record: InteractionRecord = {
    id,
    token,
    payload,
    channelId: channel.id,
    guildId: guild?.id ?? null,
    userId: actor.userId,
    createdAt: Date.now(),
    sourceMessageId: extra.message?.id,
    followUpIds: [],
  };
  ctx.state.interactions.set(id, record);
  ctx.state.interactionByToken.set(token, record);
  ctx.state.changed();
  ctx.dispatch("INTERACTION_CREATE", payload);
  return record;
}
