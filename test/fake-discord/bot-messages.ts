import type { FakeContext } from "./context.ts";
import { snowflake } from "./ids.ts";
import { ChannelType, type StoredAttachment, type StoredFile, type StoredMessage } from "./models.ts";
import { messageJson } from "./serialize.ts";
import { type MessageBody, validateMessageBody } from "./validate-message.ts";

export const MessageFlag = { Ephemeral: 1 << 6, Loading: 1 << 7 } as const;

export function newMessage(
  fields: Partial<StoredMessage> & Pick<StoredMessage, "channelId" | "authorId">,
): StoredMessage {
  const now = new Date().toISOString();
  return {
    id: snowflake(),
    guildId: null,
    webhookId: null,
    type: 0,
    content: "",
    embeds: [],
    components: [],
    attachments: [],
    flags: 0,
    createdAt: now,
    editedAt: null,
    history: [],
    deleted: false,
    reactions: new Map(),
    ...fields,
  };
}

/** Builds (not stores) a message the bot sends, after checking it against Discord's limits. */
export function botMessage(
  ctx: FakeContext,
  channelId: string,
  body: MessageBody,
  files: StoredFile[],
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  validateMessageBody(body, { isEdit: false, fileCount: files.length });
  const channel = ctx.state.channels.get(channelId);
  const message = newMessage({
    channelId,
    guildId: channel?.guildId ?? null,
    authorId: ctx.botUserId,
    content: body.content ?? "",
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: attachmentsFrom(body, files, []),
    flags: body.flags ?? 0,
    type: body.message_reference?.message_id ? 19 : 0,
    ...(body.nonce !== undefined && { nonce: body.nonce }),
    ...(body.message_reference && { messageReference: body.message_reference }),
    ...extra,
  });
  snapshot(message);
  return message;
}

/** Applies a PATCH body the way Discord does: only fields present change; `attachments` lists what to keep. */
export function applyEdit(message: StoredMessage, body: MessageBody, files: StoredFile[]): void {
  validateMessageBody({ ...body, flags: body.flags ?? message.flags }, { isEdit: true, fileCount: files.length });
  if (body.content !== undefined) message.content = body.content ?? "";
  if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
  if (body.components !== undefined) message.components = body.components ?? [];
  if (body.attachments !== undefined || files.length > 0) {
    message.attachments = attachmentsFrom(body, files, message.attachments);
  }
  // Editing a deferred ("thinking...") response replaces the loading state; ephemerality cannot change.
  message.flags &= ~MessageFlag.Loading;
  if (body.flags !== undefined)
    message.flags = (body.flags & ~MessageFlag.Ephemeral) | (message.flags & MessageFlag.Ephemeral);
  message.editedAt = new Date().toISOString();
  snapshot(message);
}

function snapshot(m: StoredMessage): void {
  m.history.push({ content: m.content, embeds: m.embeds, components: m.components, at: m.editedAt ?? m.createdAt });
}

/**
 * New uploads are `files[n]` parts matched to `attachments[].id == n`; an attachments entry whose id is an existing
 * attachment's id keeps it (edits). Without an attachments list, every uploaded file is added.
 */
function attachmentsFrom(body: MessageBody, files: StoredFile[], existing: StoredAttachment[]): StoredAttachment[] {
  const upload = (file: StoredFile, meta?: { filename?: string; description?: string }): StoredAttachment => ({
    id: snowflake(),
    filename: meta?.filename ?? file.filename,
    description: meta?.description,
    contentType: file.contentType,
    size: file.data.byteLength,
    data: file.data,
    ...imageSize(file.data),
  });
  const byField = new Map(files.map((f) => [f.field, f]));
  if (!body.attachments) return [...(files.length > 0 ? existing : []), ...files.map((f) => upload(f))];
  const result: StoredAttachment[] = [];
  for (const meta of body.attachments) {
    const kept = existing.find((a) => a.id === String(meta.id));
    const file = byField.get(`files[${meta.id}]`);
    if (kept) result.push(kept);
    else if (file) {
      result.push(upload(file, meta));
      byField.delete(file.field);
    }
  }
  return result;
}

/** PNG and JPEG dimensions, so an attachment looks like Discord's (which reports width/height for images). */
function imageSize(data: Uint8Array): { width?: number; height?: number } {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47)
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  return {};
}

/** MESSAGE_CREATE / MESSAGE_UPDATE payload: the message plus the gateway-only fields discord.js uses to route it. */
export function messageEventJson(ctx: FakeContext, m: StoredMessage): Record<string, unknown> {
  const channel = ctx.state.channels.get(m.channelId);
  return { ...messageJson(ctx, m), channel_type: channel?.type ?? ChannelType.GuildText };
}

export function dispatchCreate(ctx: FakeContext, m: StoredMessage): void {
  // Ephemeral messages are visible only to the interacting user; Discord sends no gateway event for them.
  if (m.flags & MessageFlag.Ephemeral) return;
  ctx.dispatch("MESSAGE_CREATE", messageEventJson(ctx, m));
}

export function dispatchUpdate(ctx: FakeContext, m: StoredMessage): void {
  if (m.flags & MessageFlag.Ephemeral) return;
  ctx.dispatch("MESSAGE_UPDATE", messageEventJson(ctx, m));
}

export function dispatchDelete(ctx: FakeContext, m: StoredMessage): void {
  if (m.flags & MessageFlag.Ephemeral) return;
  ctx.dispatch("MESSAGE_DELETE", { id: m.id, channel_id: m.channelId, ...(m.guildId && { guild_id: m.guildId }) });
}
