// Which dispatches a session receives, by the intents it identified with, and what MESSAGE_CONTENT hides.
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;

type Data = Record<string, unknown>;

/** The intent an event needs, or 0 for events every session gets (READY, INTERACTION_CREATE, ...). */
function requiredIntent(event: string, data: Data): number {
  const inGuild = typeof data.guild_id === "string";
  if (event.startsWith("GUILD_MEMBER")) return event === "GUILD_MEMBERS_CHUNK" ? 0 : Intent.GuildMembers;
  if (event.startsWith("GUILD_") || event.startsWith("CHANNEL_") || event.startsWith("THREAD_")) return Intent.Guilds;
  if (event.startsWith("MESSAGE_REACTION"))
    return inGuild ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
  if (event.startsWith("MESSAGE_")) return inGuild ? Intent.GuildMessages : Intent.DirectMessages;
  if (event === "TYPING_START") return inGuild ? Intent.GuildMessageTyping : Intent.DirectMessageTyping;
  return 0;
}

/** The payload this session should get, or undefined when its intents exclude the event. */
export function filterForIntents(event: string, data: unknown, intents: number, botUserId: string): unknown {
  if (typeof data !== "object" || data === null) return data;
  const d = data as Data;
  const needed = requiredIntent(event, d);
  if (needed !== 0 && (intents & needed) === 0) return undefined;
  if ((event === "MESSAGE_CREATE" || event === "MESSAGE_UPDATE") && !(intents & Intent.MessageContent)) {
    return hideContent(d, botUserId);
  }
  return data;
}

/** Without MESSAGE_CONTENT, guild messages arrive empty unless the bot wrote them or is mentioned in them. */
function hideContent(d: Data, botUserId: string): Data {
  if (typeof d.guild_id !== "string") return d;
  if ((d.author as Data | undefined)?.id === botUserId) return d;
  if ((d.mentions as Data[] | undefined)?.some((u) => u.id === botUserId)) return d;
  return { ...d, content: "", embeds: [], attachments: [], components: [], poll: undefined };
}
