import type { Logger } from "pino";
import type { T } from "../../shared/wording/translator.ts";
import type { ChoiceView, ModalView, View } from "./view.ts";

/**
 * Who is asking and where: what every handler receives instead of a discord.js interaction, so handlers are
 * tested with plain objects (see test-support/handler-kit.ts).
 */
export interface Caller {
  /** The Mimic user (created on first contact by ensureChatUser). */
  userId: string;
  userCreated: boolean;
  discordUserId: string;
  displayName: string;
  /** Null in a DM. */
  guildId: string | null;
  channelId: string | null;
  /** The user's Discord client locale, e.g. "es-ES". */
  locale: string;
  /** The member may manage the guild (false in DMs). */
  canManageGuild: boolean;
  /** Wording in the user's language. */
  t: T;
  /** pino child of this interaction. */
  log: Logger;
}

export type OptionValue = string | number | boolean;

/** A slash command. Options are flat: a subcommand's options sit beside `subcommand`. */
export interface CommandInput extends Caller {
  command: string;
  subcommandGroup: string | null;
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

/** What the user is typing into an autocomplete option. */
export interface AutocompleteInput extends CommandInput {
  focused: { name: string; value: string };
}

/** A button press or a select choice; action and args come from the custom id. */
export interface ComponentInput extends Caller {
  action: string;
  args: string[];
  /** The chosen values of a select; empty for a button. */
  values: string[];
}

/** A submitted form; `fields` by field id, as typed (never logged). */
export interface ModalInput extends Caller {
  action: string;
  args: string[];
  fields: Record<string, string>;
}

/**
 * How a handler answers. Every answer is private to the user (ephemeral).
 * Discord wants a first answer within 3 s: a handler that waits on an exchange calls `defer()` first.
 */
export interface Responder {
  /** Answers; after `defer()` fills the deferred answer; after an answer, adds another message. */
  reply(view: View): Promise<void>;
  /** Acknowledges now ("thinking..."); the answer follows with `reply()`. */
  defer(): Promise<void>;
  /**
   * Replaces the message the pressed component sits on (or the message whose button opened the submitted form).
   * Anywhere else it answers like `reply()`.
   */
  update(view: View): Promise<void>;
  /** Opens a form. Only as the first answer: never after `defer()` or `reply()`. */
  showModal(modal: ModalView): Promise<void>;
}

export type AutocompleteResult = ChoiceView[];
