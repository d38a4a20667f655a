// What a handler answers, as data. One renderer (render-view.ts) turns it into discord.js payloads, so handlers
// stay testable without Discord and every limit (lengths, counts) is enforced in one place.

export type ButtonStyleName = "primary" | "secondary" | "success" | "danger";

export interface ButtonView {
  type: "button";
  /** A custom id from `customId()`. */
  id: string;
  label: string;
  style?: ButtonStyleName;
}

export interface SelectOptionView {
  label: string;
  value: string;
  description?: string;
}

export interface SelectView {
  type: "select";
  id: string;
  placeholder?: string;
  /** At most 25 are shown (Discord's limit). */
  options: SelectOptionView[];
}

/** One row of up to five buttons, or one select. */
export type RowView = ButtonView[] | SelectView;

export type EmbedTone = "info" | "success" | "warning" | "danger";

export interface EmbedView {
  title?: string;
  description?: string;
  tone?: EmbedTone;
  fields?: { name: string; value: string; inline?: boolean }[];
  /** The name of one of the view's files, shown as the embed's picture. */
  image?: string;
  footer?: string;
}

export interface FileView {
  name: string;
  data: Buffer;
  description?: string;
}

/**
 * A message. Every answer is private (ephemeral). When it replaces a message (`update`), what it leaves out is
 * removed: its rows, files and embeds.
 */
export interface View {
  text?: string;
  embeds?: EmbedView[];
  rows?: RowView[];
  files?: FileView[];
}

export interface FieldView {
  id: string;
  label: string;
  /** A line under the label. */
  hint?: string;
  style?: "short" | "paragraph";
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  /** Pre-filled value. */
  value?: string;
}

/** A form (Discord modal): the only place secrets are typed. */
export interface ModalView {
  id: string;
  title: string;
  fields: FieldView[];
}

/** An autocomplete suggestion. */
export interface ChoiceView {
  name: string;
  value: string;
}

export const button = (id: string, label: string, style: ButtonStyleName = "secondary"): ButtonView => ({
  type: "button",
  id,
  label,
  style,
});
