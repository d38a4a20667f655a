import type { Interaction } from "discord.js";
import { toAppError } from "../../core/platform/errors.ts";
import type { DiscordDeps } from "./discord-deps.ts";
import { answerError } from "./kit/answer-error.ts";
import type { CommandModule } from "./kit/command-module.ts";
import { parseCustomId } from "./kit/custom-id.ts";
import { discordResponder } from "./kit/discord-responder.ts";
import { placeRefusal } from "./kit/place-refusal.ts";
import { autocompleteInput, callerOf, commandInput, componentInput, modalInput } from "./kit/read-interaction.ts";

/**
 * Routes every interaction to its command module: slash commands and autocomplete by command name, buttons,
 * selects and forms by the command named in their custom id. Each interaction gets the Mimic user behind it
 * (ensureChatUser), a pino child, and one place where errors become a private answer in the user's language.
 */
export function createInteractionRouter(opts: {
  commands: readonly CommandModule[];
  deps: DiscordDeps;
}): (interaction: Interaction) => Promise<void> {
  const { deps } = opts;
  const byName = new Map(opts.commands.map((c) => [c.name, c]));

  return async (interaction) => {
    const name =
      interaction.isChatInputCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : interaction.isMessageComponent() || interaction.isModalSubmit()
          ? parseCustomId(interaction.customId).command
          : undefined;
    // Context-menu commands and pings are not Mimic's.
    if (name === undefined) return;
    const command = byName.get(name);
    const log = deps.logger.child({
      interactionId: interaction.id,
      interaction: interactionKind(interaction),
      command: name,
      discordUserId: interaction.user.id,
      guildId: interaction.guildId,
    });

    if (interaction.isAutocomplete()) {
      try {
        const caller = await callerOf(interaction, deps, log);
        const choices = command?.autocomplete
          ? await command.autocomplete(autocompleteInput(interaction, caller), deps)
          : [];
        await interaction.respond(choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value })));
      } catch (err) {
        log.warn({ err: toAppError(err).message }, "autocomplete failed");
        await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isMessageComponent() && !interaction.isModalSubmit()) return;

    const res = discordResponder(interaction);
    let t = deps.translator.forLocale(interaction.locale);
    try {
      if (!command) {
        const key = interaction.isChatInputCommand() ? "common-unknown-command" : "common-menu-expired";
        await res.reply({ text: t(key, { command: name }) });
        return;
      }
      const caller = await callerOf(interaction, deps, log);
      t = caller.t;
      if (interaction.isChatInputCommand()) {
        const refusal = placeRefusal(command, caller);
        if (refusal) return void (await res.reply({ text: refusal }));
        await command.run(commandInput(interaction, caller), res, deps);
      } else if (interaction.isMessageComponent()) {
        if (!command.component) return void (await res.reply({ text: t("common-menu-expired") }));
        await command.component(componentInput(interaction, caller), res, deps);
      } else {
        if (!command.modal) return void (await res.reply({ text: t("common-menu-expired") }));
        await command.modal(modalInput(interaction, caller), res, deps);
      }
    } catch (err) {
      await answerError(err, { res, t, log });
    }
  };
}

function interactionKind(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return "command";
  if (interaction.isAutocomplete()) return "autocomplete";
  if (interaction.isButton()) return "button";
  if (interaction.isAnySelectMenu()) return "select";
  if (interaction.isModalSubmit()) return "modal";
  return "other";
}
