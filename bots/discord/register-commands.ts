import { type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from "discord.js";

/**
 * Syncs the slash commands with ONE bulk overwrite: in one guild when `guildId` is set (instant, for
 * development), else globally. Commands missing from `definitions` are deleted by Discord, so the set is always
 * exactly this build's.
 */
export async function registerCommands(
  input: {
    applicationId: string;
    guildId?: string;
    definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  },
  deps: { rest: REST },
): Promise<{ scope: "guild" | "global"; count: number }> {
  const route = input.guildId
    ? Routes.applicationGuildCommands(input.applicationId, input.guildId)
    : Routes.applicationCommands(input.applicationId);
  const saved = (await deps.rest.put(route, { body: input.definitions })) as unknown[];
  return {
    scope: input.guildId ? "guild" : "global",
    count: Array.isArray(saved) ? saved.length : input.definitions.length,
  };
}
