// The fake's own records. They are what tests inspect; the Discord wire shapes are built from them in serialize.ts.

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface FakeRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  /** Higher is more powerful; @everyone is 0. */
  position: number;
  /** Set on the role Discord creates for a bot when it joins. */
  botId?: string;
}

export const ChannelType = { GuildText: 0, DM: 1, GuildVoice: 2, GuildCategory: 4, GuildAnnouncement: 5 } as const;

export interface FakeChannel {
  id: string;
  type: number;
  name: string | null;
  guildId: string | null;
  position: number;
  parentId: string | null;
  /** DM channels only. */
  recipientId?: string;
}

export interface FakeMember {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
  /** When set, interactions report this as member.permissions instead of the value computed from roles. */
  permissionsOverride?: bigint;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  channelIds: string[];
  roleIds: string[];
  members: Map<string, FakeMember>;
}

export interface StoredFile {
  /** The multipart field, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  description?: string;
  contentType: string;
  size: number;
  data: Uint8Array;
  width?: number;
  height?: number;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  webhookId: string | null;
  /** 0 default, 19 reply, 20 chat-input command response, 23 context-menu response. */
  type: number;
  content: string;
  embeds: Embed[];
  components: Component[];
  attachments: StoredAttachment[];
  flags: number;
  createdAt: string;
  editedAt: string | null;
  /** Every content/embeds/components state, oldest first, so tests can see what a user saw in between. */
  history: { content: string; embeds: Embed[]; components: Component[]; at: string }[];
  deleted: boolean;
  /** emoji ("✅" or "name:id") -> user ids who reacted. */
  reactions: Map<string, Set<string>>;
  /** Set when the message is an interaction's response or follow-up. */
  interactionId?: string;
  nonce?: string | number;
  messageReference?: { message_id?: string; channel_id?: string; guild_id?: string };
}

// Discord's embed and component JSON is passed through as sent; these aliases only document intent.
export type Embed = {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  author?: { name: string };
  footer?: { text: string };
  image?: { url: string };
  [key: string]: unknown;
};
export type Component = { type: number; custom_id?: string; components?: Component[]; [key: string]: unknown };

export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  description: string;
  type: number;
  options?: CommandOptionDefinition[];
  version: string;
  [key: string]: unknown;
}

export interface CommandOptionDefinition {
  type: number;
  name: string;
  options?: CommandOptionDefinition[];
  [key: string]: unknown;
}

export interface RequestLogEntry {
  method: string;
  /** Path below the API version, without the query, e.g. "/channels/123/messages". */
  path: string;
  /** The matched route template, e.g. "/channels/:channel/messages", or null when no route matched. */
  route: string | null;
  query: string;
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
  durationMs: number;
  /** Bot-authenticated (counted against the global limit when rate limiting is on). */
  authed: boolean;
  body?: unknown;
}
