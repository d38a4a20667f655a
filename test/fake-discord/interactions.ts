// A user running a slash command, clicking a button, picking from a select or submitting a modal.
import { buildOptions, findCommand, type OptionInput } from "./command-options.ts";
import type { FakeContext } from "./context.ts";
import { snowflake } from "./ids.ts";
import { type ActorOptions, createInteraction, InteractionType, resolveWhere } from "./interaction-base.ts";
import { type InteractionHandle, interactionHandle } from "./interaction-handle.ts";
import { buttonsOf, modalFields, selectsOf } from "./message-text.ts";
import type { Component, StoredMessage } from "./models.ts";
import { messageJson, roleJson, userJson } from "./serialize.ts";

export interface CommandOptions extends ActorOptions {
  /** "copy", or with a subcommand "copy start", or with a group "admin users ban". */
  name: string;
  /** { option: value } (types taken from the registered command), or Discord's raw data.options array. */
  options?: Record<string, OptionInput> | unknown[];
  /** 1 slash command (default), 2 user context menu, 3 message context menu. */
  type?: 1 | 2 | 3;
  /** The user or message a context-menu command targets. */
  targetId?: string;
}

export function command(ctx: FakeContext, opts: CommandOptions): InteractionHandle {
  return interactionHandle(
    ctx,
    createInteraction(ctx, InteractionType.ApplicationCommand, commandData(ctx, opts), opts),
  );
}

/** The user is typing in option `focused`; the bot should answer with callback type 8. */
export function autocomplete(ctx: FakeContext, opts: CommandOptions & { focused: string }): InteractionHandle {
  return interactionHandle(
    ctx,
    createInteraction(ctx, InteractionType.Autocomplete, commandData(ctx, opts, opts.focused), opts),
  );
}

function commandData(ctx: FakeContext, opts: CommandOptions, focused?: string): Record<string, unknown> {
  const type = opts.type ?? 1;
  const path = opts.name.trim().split(/\s+/);
  const { guild } = resolveWhere(ctx, opts);
  const registered = findCommand(ctx, type === 1 ? path[0]! : opts.name, guild?.id ?? null, type);
  const data: Record<string, unknown> = {
    id: registered?.id ?? snowflake(),
    name: type === 1 ? path[0] : opts.name,
    type,
    ...(registered?.guild_id && { guild_id: registered.guild_id }),
  };
  if (type === 2 || type === 3) return { ...data, ...contextTarget(ctx, type, opts.targetId) };
  if (Array.isArray(opts.options)) return { ...data, options: opts.options };
  const built = buildOptions(ctx, registered, path, opts.options ?? {}, guild, focused);
  return {
    ...data,
    ...(built.options.length > 0 && { options: built.options }),
    ...(built.resolved && { resolved: built.resolved }),
  };
}

function contextTarget(ctx: FakeContext, type: 2 | 3, targetId: string | undefined): Record<string, unknown> {
  if (!targetId) throw new Error("fake-discord: context-menu commands need targetId");
  if (type === 2) {
    const user = ctx.state.user(targetId);
    if (!user) throw new Error(`fake-discord: unknown target user ${targetId}`);
    return { target_id: targetId, resolved: { users: { [targetId]: userJson(user) } } };
  }
  const message = ctx.state.messageById.get(targetId);
  if (!message) throw new Error(`fake-discord: unknown target message ${targetId}`);
  return { target_id: targetId, resolved: { messages: { [targetId]: messageJson(ctx, message) } } };
}

type ComponentActor = Omit<ActorOptions, "channelId" | "guildId">;

function sourceMessage(ctx: FakeContext, messageId: string, userId: string): StoredMessage {
  const message = ctx.state.messageById.get(messageId);
  if (!message || message.deleted) throw new Error(`fake-discord: no message ${messageId} to interact with`);
  const owner = message.interactionId ? ctx.state.interactions.get(message.interactionId)?.userId : undefined;
  if (message.flags & 64 && owner !== userId)
    throw new Error("fake-discord: only the interacting user can see that ephemeral message");
  return message;
}

export function clickButton(
  ctx: FakeContext,
  opts: ComponentActor & { messageId: string; customId?: string; label?: string | RegExp },
): InteractionHandle {
  const message = sourceMessage(ctx, opts.messageId, opts.userId);
  const buttons = buttonsOf(message);
  const button = buttons.find((b) =>
    opts.customId !== undefined
      ? b.customId === opts.customId
      : opts.label instanceof RegExp
        ? opts.label.test(b.label ?? "")
        : b.label === opts.label,
  );
  if (!button) {
    const seen = buttons.map((b) => `${b.label ?? "?"} (${b.customId ?? b.url})`).join(", ") || "none";
    throw new Error(
      `fake-discord: message ${message.id} has no button ${opts.customId ?? opts.label}; buttons: ${seen}`,
    );
  }
  if (button.disabled) throw new Error(`fake-discord: button ${button.label ?? button.customId} is disabled`);
  if (!button.customId) throw new Error("fake-discord: link and premium buttons do not send interactions");
  const data = { custom_id: button.customId, component_type: 2 };
  return interactionHandle(
    ctx,
    createInteraction(ctx, InteractionType.MessageComponent, data, where(message, opts), { message }),
  );
}

export function chooseSelect(
  ctx: FakeContext,
  opts: ComponentActor & { messageId: string; customId?: string; values: string[] },
): InteractionHandle {
  const message = sourceMessage(ctx, opts.messageId, opts.userId);
  const selects = selectsOf(message);
  const select = opts.customId === undefined ? selects[0] : selects.find((s) => s.customId === opts.customId);
  if (!select) throw new Error(`fake-discord: message ${message.id} has no select ${opts.customId ?? ""}`);
  if (select.disabled) throw new Error(`fake-discord: select ${select.customId} is disabled`);
  if (opts.values.length < select.minValues || opts.values.length > select.maxValues) {
    throw new Error(`fake-discord: select ${select.customId} takes ${select.minValues}-${select.maxValues} values`);
  }
  if (select.type === 3) {
    const allowed = new Set(select.options.map((o) => o.value));
    const bad = opts.values.filter((v) => !allowed.has(v));
    if (bad.length > 0) throw new Error(`fake-discord: select ${select.customId} has no option ${bad.join(", ")}`);
  }
  const data = {
    custom_id: select.customId,
    component_type: select.type,
    values: opts.values,
    ...selectResolved(ctx, select.type, opts.values),
  };
  return interactionHandle(
    ctx,
    createInteraction(ctx, InteractionType.MessageComponent, data, where(message, opts), { message }),
  );
}

function where(message: StoredMessage, actor: ComponentActor): ActorOptions {
  return { ...actor, channelId: message.channelId, guildId: message.guildId ?? undefined };
}

function selectResolved(ctx: FakeContext, type: number, values: string[]): Record<string, unknown> {
  if (type === 5)
    return { resolved: { users: Object.fromEntries(values.map((id) => [id, userJson(ctx.state.user(id)!)])) } };
  if (type === 6)
    return { resolved: { roles: Object.fromEntries(values.map((id) => [id, roleJson(ctx.state.role(id)!)])) } };
  return {};
}

export interface SubmitModalOptions extends Partial<ActorOptions> {
  /** Defaults to the custom_id of the modal being answered. */
  customId?: string;
  /** Text input custom_id -> typed text (or select custom_id -> chosen values). */
  fields: Record<string, string | string[]>;
  /** The interaction the bot answered with this modal; defaults to the latest modal with `customId`. */
  from?: InteractionHandle;
}

export function submitModal(ctx: FakeContext, opts: SubmitModalOptions): InteractionHandle {
  const shown = [...ctx.state.modals]
    .reverse()
    .find((m) => (opts.from ? m.interactionId === opts.from.id : m.data.custom_id === opts.customId));
  const opener = shown ? ctx.state.interactions.get(shown.interactionId) : undefined;
  const customId = opts.customId ?? (shown?.data.custom_id as string | undefined);
  if (!customId)
    throw new Error("fake-discord: submitModal needs customId or a `from` interaction that showed a modal");
  const actor: ActorOptions = {
    userId: opts.userId ?? opener?.userId ?? "",
    channelId: opts.channelId ?? opener?.channelId,
    guildId: opts.guildId ?? opener?.guildId ?? undefined,
    locale: opts.locale ?? (opener?.payload.locale as string | undefined),
    memberPermissions: opts.memberPermissions,
  };
  if (!actor.userId) throw new Error("fake-discord: submitModal needs userId (or `from`)");
  const components = shown ? mirrorModal(shown.data, opts.fields) : plainRows(opts.fields);
  const source = opener?.sourceMessageId ? ctx.state.messageById.get(opener.sourceMessageId) : undefined;
  const data = { custom_id: customId, components };
  return interactionHandle(ctx, createInteraction(ctx, InteractionType.ModalSubmit, data, actor, { message: source }));
}

function plainRows(fields: Record<string, string | string[]>): Component[] {
  return Object.entries(fields).map(([custom_id, value], i) => ({
    type: 1,
    id: i * 2 + 1,
    components: [{ type: 4, id: i * 2 + 2, custom_id, value: String(value) }],
  }));
}

/** Answers the modal the bot sent with the same layout Discord would send back (action rows or labels). */
function mirrorModal(modal: Record<string, unknown>, fields: Record<string, string | string[]>): Component[] {
  const known = modalFields(modal);
  for (const name of Object.keys(fields)) {
    if (!known.some((f) => f.customId === name)) throw new Error(`fake-discord: the modal has no field ${name}`);
  }
  for (const f of known) {
    if (f.required && !fields[f.customId]?.length)
      throw new Error(`fake-discord: modal field ${f.customId} is required`);
  }
  let nextId = 1;
  const answer = (c: Component): Component => {
    const id = (c.id as number | undefined) ?? nextId++;
    const value = fields[c.custom_id ?? ""];
    if (c.type === 4) return { type: 4, id, custom_id: c.custom_id, value: String(value ?? "") };
    if (c.custom_id)
      return { type: c.type, id, custom_id: c.custom_id, values: value === undefined ? [] : [value].flat() };
    return { type: c.type, id };
  };
  return ((modal.components as Component[] | undefined) ?? []).map((top) => {
    const id = (top.id as number | undefined) ?? nextId++;
    if (top.type === 18) return { type: 18, id, component: answer(top.component as Component) };
    if (top.components) return { type: top.type, id, components: top.components.map(answer) };
    return { type: top.type, id };
  });
}
