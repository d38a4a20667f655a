import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";
import type { Translator } from "../shared/wording/translator.ts";
import type { DiscordDeps } from "./discord-deps.ts";
import type { CommandModule, CommandPlace } from "./kit/command-module.ts";
import { commandText } from "./kit/command-text.ts";

const CONTEXTS: Record<CommandPlace, InteractionContextType[]> = {
  anywhere: [InteractionContextType.Guild, InteractionContextType.BotDM],
  guild: [InteractionContextType.Guild],
  dm: [InteractionContextType.BotDM],
};

/**
 * The slash command definitions of the modules, built with discord.js's builders (which check Discord's
 * limits): English descriptions with the other languages as localizations, and the contexts each may be used in.
 */
export function commandDefinitions(
  commands: readonly CommandModule[],
  ctx: { translator: Translator } & Pick<DiscordDeps, "linkableExchanges">,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const text = commandText(ctx.translator);
  return commands.map((command) => {
    const builder = new SlashCommandBuilder().setName(command.name);
    text.describe(builder, command.description);
    builder.setContexts(...CONTEXTS[command.place]).setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    return (command.build ? command.build(builder, { text, deps: ctx }) : builder).toJSON();
  });
}
