import type { FakeGuild, FakeMember, FakeRole } from "./models.ts";

// Only the bits the fake itself checks or that make sensible defaults; callers may pass any bitfield.
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  ManageRoles: 1n << 28n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord currently defines (through bit 50); what an owner or administrator has. */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** What @everyone gets in a new Discord server, roughly: read, write, react, use commands. */
export const DEFAULT_EVERYONE =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** The invite a bot like Mimic would ask for: messaging plus managing roles and messages, not Administrator. */
export const DEFAULT_BOT_PERMISSIONS =
  DEFAULT_EVERYONE | Permission.ManageRoles | Permission.ManageMessages | Permission.ManageChannels;

export function toPermissions(value: bigint | string | number | undefined, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  return BigInt(value);
}

/** Guild-level permissions (no channel overwrites: the fake does not model them). */
export function memberPermissions(
  guild: FakeGuild,
  member: FakeMember,
  roleById: (id: string) => FakeRole | undefined,
): bigint {
  if (member.permissionsOverride !== undefined) return member.permissionsOverride;
  if (guild.ownerId === member.userId) return ALL_PERMISSIONS;
  let perms = roleById(guild.id)?.permissions ?? 0n;
  for (const id of member.roles) perms |= roleById(id)?.permissions ?? 0n;
  return perms & Permission.Administrator ? ALL_PERMISSIONS : perms;
}

export function highestRolePosition(member: FakeMember, roleById: (id: string) => FakeRole | undefined): number {
  return Math.max(0, ...member.roles.map((id) => roleById(id)?.position ?? 0));
}
