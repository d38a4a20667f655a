import type { Client, Message, PartialMessage, SlashCommandBuilder } from "discord.js";
import type { DiscordDeps } from "../discord-deps.ts";
import type { CommandText } from "./command-text.ts";
import type {
  AutocompleteInput,
  AutocompleteResult,
  CommandInput,
  ComponentInput,
  ModalInput,
  Responder,
} from "./handler-input.ts";

/**
 * Where a command may be used. Follower commands work anywhere (their answers are private); a command that acts
 * on a server's channels needs a guild; "dm" is for anything that must not be started in a server at all.
 */
export type CommandPlace = "anywhere" | "guild" | "dm";

/** What a command's options are built with: localised descriptions and the bot's settings. */
export interface BuildContext {
  text: CommandText;
  deps: Pick<DiscordDeps, "linkableExchanges">;
}

/** Any of the builder types `SlashCommandBuilder`'s option methods return. */
export type BuiltCommand = Pick<SlashCommandBuilder, "toJSON">;

/**
 * One slash command: its definition, its handler, and the handlers of the components and forms it sends (their
 * custom ids start with `<name>:`, see custom-id.ts). Registered by one line in registry.ts.
 */
export interface CommandModule {
  /** The command's name: a contract (tests and users type it). */
  name: string;
  place: CommandPlace;
  /** Wording key of its description, also its line in /help. */
  description: string;
  /** Adds options to the builder (name, description, contexts are set already). */
  build?(builder: SlashCommandBuilder, ctx: BuildContext): BuiltCommand;
  run(input: CommandInput, res: Responder, deps: DiscordDeps): Promise<void>;
  autocomplete?(input: AutocompleteInput, deps: DiscordDeps): Promise<AutocompleteResult>;
  component?(input: ComponentInput, res: Responder, deps: DiscordDeps): Promise<void>;
  modal?(input: ModalInput, res: Responder, deps: DiscordDeps): Promise<void>;
}

/** Everything a gateway listener may need besides the event itself. */
export interface ListenerContext {
  client: Client<true>;
  deps: DiscordDeps;
}

/**
 * Takes the gateway's message events (signal channels: bots/discord/channels/). Registered by one line in
 * registry.ts; a throw is logged and never reaches the other listeners.
 */
export interface MessageListener {
  name: string;
  messageCreate?(message: Message, ctx: ListenerContext): Promise<void>;
  messageUpdate?(before: Message | PartialMessage, after: Message, ctx: ListenerContext): Promise<void>;
  /** Work of its own while the bot runs (a sweep, a sync); stopped with the bot. */
  start?(ctx: ListenerContext): { stop(): Promise<void> };
}
