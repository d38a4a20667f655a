import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
} from "discord.js";
import type { Logger } from "pino";
import { ensureChatUser } from "../../../core/accounts/ensure-chat-user.ts";
import { assertUserEnabled } from "../../../core/accounts/user-disabled.ts";
import type { DiscordDeps } from "../discord-deps.ts";
import { parseCustomId } from "./custom-id.ts";
import type {
  AutocompleteInput,
  Caller,
  CommandInput,
  ComponentInput,
  ModalInput,
  OptionValue,
} from "./handler-input.ts";

/** The Mimic user behind an interaction (created on first contact) and where they are: every handler's start. */
export async function callerOf(interaction: Interaction, deps: DiscordDeps, log: Logger): Promise<Caller> {
  const user = interaction.user;
  const displayName = user.globalName ?? user.username;
  const chatUser = await ensureChatUser(
    { transport: "discord", externalId: user.id, displayName, locale: interaction.locale },
    { db: deps.db },
  );
  // A disabled user gets the one answer for everything (the router's answerError words it).
  assertUserEnabled(chatUser);
  return {
    userId: chatUser.id,
    userCreated: chatUser.created,
    discordUserId: user.id,
    displayName,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    locale: interaction.locale,
    canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    t: deps.translator.forLocale(interaction.locale),
    log: log.child({ userId: chatUser.id }),
  };
}

/** A slash command's options, flattened: subcommand (group) names apart, every value by its option's name. */
export function commandInput(interaction: ChatInputCommandInteraction | AutocompleteInteraction, caller: Caller) {
  let subcommandGroup: string | null = null;
  let subcommand: string | null = null;
  const options: Record<string, OptionValue> = {};
  const walk = (list: readonly CommandInteractionOption[]) => {
    for (const o of list) {
      if (o.options && o.value === undefined) {
        // A subcommand group holds subcommands; a subcommand holds values.
        if (o.options.some((inner) => inner.options)) subcommandGroup = o.name;
        else subcommand = o.name;
        walk(o.options);
      } else if (o.value !== undefined) {
        options[o.name] = o.value;
      }
    }
  };
  walk(interaction.options.data);
  const input: CommandInput = {
    ...caller,
    command: interaction.commandName,
    subcommandGroup,
    subcommand,
    options,
  };
  return input;
}

export function autocompleteInput(interaction: AutocompleteInteraction, caller: Caller): AutocompleteInput {
  const focused = interaction.options.getFocused(true);
  return { ...commandInput(interaction, caller), focused: { name: focused.name, value: String(focused.value) } };
}

export function componentInput(interaction: MessageComponentInteraction, caller: Caller): ComponentInput {
  const { action, args } = parseCustomId(interaction.customId);
  return { ...caller, action, args, values: interaction.isStringSelectMenu() ? [...interaction.values] : [] };
}

export function modalInput(interaction: ModalSubmitInteraction, caller: Caller): ModalInput {
  const { action, args } = parseCustomId(interaction.customId);
  const fields: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if ("value" in field && typeof field.value === "string") fields[id] = field.value;
  }
  return { ...caller, action, args, fields };
}
