import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APILabelComponent,
  type AttachmentPayload,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
  ModalBuilder,
  TextInputStyle,
} from "discord.js";
import type { ButtonStyleName, EmbedTone, ModalView, RowView, View } from "./view.ts";

// Discord's limits, enforced here so that a long strategy name or a Spanish label never fails a request.
const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embeds: 10,
  rows: 5,
  buttons: 5,
  options: 25,
  buttonLabel: 80,
  optionLabel: 100,
  optionDescription: 100,
  placeholder: 150,
  modalTitle: 45,
  fieldLabel: 45,
  fieldHint: 100,
  modalFields: 5,
} as const;

export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const STYLES: Record<
  ButtonStyleName,
  ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger
> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

const TONES: Record<EmbedTone, number> = {
  info: 0x5865f2,
  success: 0x16c784,
  warning: 0xf5a623,
  danger: 0xea3943,
};

// Nothing a user or an exchange wrote (a strategy name, a reason) may ping anyone.
const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: AttachmentPayload[];
  /** Set when replacing a message: the attachments to keep (none). */
  attachments?: [];
  allowedMentions: MessageMentionOptions;
}

/**
 * A view as discord.js message options. `replace`: the view becomes the whole message, so whatever it leaves out
 * (text, embeds, components, files) is cleared.
 */
export function renderMessage(view: View, mode: "new" | "replace" = "new"): MessagePayload {
  const payload: MessagePayload = { allowedMentions: NO_MENTIONS };
  if (view.text !== undefined || mode === "replace") payload.content = clip(view.text ?? "", LIMITS.content);
  if (view.embeds || mode === "replace") payload.embeds = (view.embeds ?? []).slice(0, LIMITS.embeds).map(renderEmbed);
  if (view.rows || mode === "replace") payload.components = (view.rows ?? []).slice(0, LIMITS.rows).map(renderRow);
  if (view.files) {
    payload.files = view.files.map((f) => ({ attachment: f.data, name: f.name, description: f.description }));
  }
  if (mode === "replace") payload.attachments = [];
  return payload;
}

function renderEmbed(e: NonNullable<View["embeds"]>[number]): APIEmbed {
  const embed: APIEmbed = {};
  if (e.title) embed.title = clip(e.title, LIMITS.embedTitle);
  if (e.description) embed.description = clip(e.description, LIMITS.embedDescription);
  if (e.tone) embed.color = TONES[e.tone];
  if (e.fields?.length) {
    embed.fields = e.fields.slice(0, 25).map((f) => ({
      name: clip(f.name, LIMITS.fieldName),
      value: clip(f.value || "-", LIMITS.fieldValue),
      inline: f.inline,
    }));
  }
  if (e.image) embed.image = { url: `attachment://${e.image}` };
  if (e.footer) embed.footer = { text: clip(e.footer, LIMITS.footer) };
  return embed;
}

function renderRow(row: RowView): APIActionRowComponent<APIComponentInMessageActionRow> {
  if (Array.isArray(row)) {
    return {
      type: ComponentType.ActionRow,
      components: row.slice(0, LIMITS.buttons).map((b) => ({
        type: ComponentType.Button,
        custom_id: b.id,
        label: clip(b.label, LIMITS.buttonLabel),
        style: STYLES[b.style ?? "secondary"],
      })),
    };
  }
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: row.id,
        placeholder: row.placeholder ? clip(row.placeholder, LIMITS.placeholder) : undefined,
        options: row.options.slice(0, LIMITS.options).map((o) => ({
          label: clip(o.label, LIMITS.optionLabel),
          value: o.value,
          description: o.description ? clip(o.description, LIMITS.optionDescription) : undefined,
        })),
      },
    ],
  };
}

/** A form as a discord.js modal: one label (with its hint) per text field. */
export function renderModal(modal: ModalView): ModalBuilder {
  const labels: APILabelComponent[] = modal.fields.slice(0, LIMITS.modalFields).map((f) => ({
    type: ComponentType.Label,
    label: clip(f.label, LIMITS.fieldLabel),
    description: f.hint ? clip(f.hint, LIMITS.fieldHint) : undefined,
    component: {
      type: ComponentType.TextInput,
      custom_id: f.id,
      style: f.style === "paragraph" ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: f.required ?? true,
      min_length: f.minLength,
      max_length: f.maxLength,
      placeholder: f.placeholder ? clip(f.placeholder, 100) : undefined,
      value: f.value,
    },
  }));
  return new ModalBuilder()
    .setCustomId(modal.id)
    .setTitle(clip(modal.title, LIMITS.modalTitle))
    .addLabelComponents(...labels);
}
