// Building the world before (or while) the bot runs: users, guilds with channels, roles and members, DM channels.
import type { FakeContext } from "./context.ts";
import { snowflake } from "./ids.ts";
import {
  ChannelType,
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
  type FakeRole,
  type FakeUser,
} from "./models.ts";
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE, toPermissions } from "./permissions.ts";

type PermissionsInput = bigint | string | number;

export interface UserSpec {
  id?: string;
  username: string;
  globalName?: string;
  bot?: boolean;
}

export interface MemberSpec {
  userId: string;
  /** Creates the user when it does not exist yet. */
  username?: string;
  /** Role ids or role names of this guild. */
  roles?: string[];
  nick?: string;
  /** Reported as member.permissions in interactions instead of the value computed from roles. */
  permissions?: PermissionsInput;
}

export interface GuildSpec {
  id?: string;
  name: string;
  ownerId: string;
  /** guild_locale in interactions. */
  preferredLocale?: string;
  channels?: { id?: string; name: string; type?: number; parentId?: string }[];
  /** Listed lowest first; positions follow unless given. */
  roles?: { id?: string; name: string; permissions?: PermissionsInput; position?: number }[];
  members?: MemberSpec[];
  everyonePermissions?: PermissionsInput;
  /** The permissions of the managed role Discord gives the bot when it joins; it sits above every listed role. */
  botPermissions?: PermissionsInput;
}

export interface GuildHandle {
  readonly id: string;
  readonly name: string;
  readonly channels: FakeChannel[];
  readonly roles: FakeRole[];
  readonly everyoneRoleId: string;
  readonly botRoleId: string;
  channelId(name: string): string;
  roleId(name: string): string;
}

export function addUser(ctx: FakeContext, spec: UserSpec): FakeUser {
  const user: FakeUser = {
    id: spec.id ?? snowflake(),
    username: spec.username,
    globalName: spec.globalName ?? null,
    bot: spec.bot ?? false,
  };
  ctx.state.users.set(user.id, user);
  ctx.state.changed();
  return user;
}

export function ensureUser(ctx: FakeContext, id: string, username?: string): FakeUser {
  return ctx.state.user(id) ?? addUser(ctx, { id, username: username ?? `user${id.slice(-6)}` });
}

export function addGuild(ctx: FakeContext, spec: GuildSpec): GuildHandle {
  const { state } = ctx;
  const guildId = spec.id ?? snowflake();
  const guild: FakeGuild = {
    id: guildId,
    name: spec.name,
    ownerId: spec.ownerId,
    preferredLocale: spec.preferredLocale ?? "en-US",
    channelIds: [],
    roleIds: [],
    members: new Map(),
  };
  state.guilds.set(guildId, guild);

  const addRole = (role: FakeRole) => {
    state.roles.set(role.id, role);
    guild.roleIds.push(role.id);
    return role;
  };
  // Discord's @everyone role shares the guild's id; discord.js finds it that way.
  addRole({
    id: guildId,
    guildId,
    name: "@everyone",
    permissions: toPermissions(spec.everyonePermissions, DEFAULT_EVERYONE),
    position: 0,
  });
  const roles = (spec.roles ?? []).map((r, i) =>
    addRole({
      id: r.id ?? snowflake(),
      guildId,
      name: r.name,
      permissions: toPermissions(r.permissions, 0n),
      position: r.position ?? i + 1,
    }),
  );
  const bot = state.user(ctx.botUserId)!;
  const botRole = addRole({
    id: snowflake(),
    guildId,
    name: bot.username,
    permissions: toPermissions(spec.botPermissions, DEFAULT_BOT_PERMISSIONS),
    position: Math.max(0, ...roles.map((r) => r.position)) + 1,
    botId: bot.id,
  });

  const channels = (spec.channels ?? [{ name: "general" }]).map((c, i) => {
    const channel: FakeChannel = {
      id: c.id ?? snowflake(),
      type: c.type ?? ChannelType.GuildText,
      name: c.name,
      guildId,
      position: i,
      parentId: c.parentId ?? null,
    };
    state.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    return channel;
  });

  addMember(ctx, guild, { userId: ctx.botUserId, roles: [botRole.id] });
  if (!spec.members?.some((m) => m.userId === spec.ownerId)) addMember(ctx, guild, { userId: spec.ownerId });
  for (const m of spec.members ?? []) addMember(ctx, guild, m);
  state.changed();

  const byName =
    <T extends { name: string | null; id: string }>(list: T[], kind: string) =>
    (name: string) => {
      const found = list.find((x) => x.name === name);
      if (!found) throw new Error(`fake-discord: guild ${spec.name} has no ${kind} named ${name}`);
      return found.id;
    };
  return {
    id: guildId,
    name: spec.name,
    channels,
    roles: [state.role(guildId)!, ...roles, botRole],
    everyoneRoleId: guildId,
    botRoleId: botRole.id,
    channelId: byName(channels, "channel"),
    roleId: byName([...roles, botRole], "role"),
  };
}

export function addMember(ctx: FakeContext, guild: FakeGuild, spec: MemberSpec): FakeMember {
  ensureUser(ctx, spec.userId, spec.username);
  const roles = (spec.roles ?? []).map((ref) => resolveRole(ctx, guild, ref));
  const member: FakeMember = {
    userId: spec.userId,
    roles,
    nick: spec.nick ?? null,
    joinedAt: new Date().toISOString(),
    ...(spec.permissions !== undefined && { permissionsOverride: BigInt(spec.permissions) }),
  };
  guild.members.set(spec.userId, member);
  ctx.state.changed();
  return member;
}

function resolveRole(ctx: FakeContext, guild: FakeGuild, ref: string): string {
  if (guild.roleIds.includes(ref)) return ref;
  const byName = guild.roleIds.find((id) => ctx.state.role(id)?.name === ref);
  if (!byName) throw new Error(`fake-discord: guild ${guild.name} has no role ${ref}`);
  return byName;
}

/** One DM channel per user, with a stable id, as Discord returns the same channel on every "create DM". */
export function ensureDmChannel(ctx: FakeContext, userId: string): FakeChannel {
  const existing = ctx.state.dmChannelByUser.get(userId);
  if (existing) return ctx.state.channels.get(existing)!;
  const channel: FakeChannel = {
    id: snowflake(),
    type: ChannelType.DM,
    name: null,
    guildId: null,
    position: 0,
    parentId: null,
    recipientId: userId,
  };
  ctx.state.channels.set(channel.id, channel);
  ctx.state.dmChannelByUser.set(userId, channel.id);
  ctx.state.changed();
  return channel;
}
