// Turns a test's friendly { name: "copy start", options: { trader: "x", amount: 5 } } into Discord's nested
// `data.options` (subcommand group 2 > subcommand 1 > values) with `resolved` entries for users, roles, channels.
import type { FakeContext } from "./context.ts";
import type { CommandOptionDefinition, FakeGuild, RegisteredCommand } from "./models.ts";
import { channelJson, interactionMemberJson, roleJson, userJson } from "./serialize.ts";

export type OptionInput = string | number | boolean;

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

type RawOption = { name: string; type: number; value?: OptionInput; options?: RawOption[]; focused?: boolean };
type Resolved = Record<"users" | "members" | "roles" | "channels", Record<string, unknown>>;

export function findCommand(
  ctx: FakeContext,
  name: string,
  guildId: string | null,
  type = 1,
): RegisteredCommand | undefined {
  const match = (c: RegisteredCommand) => c.name === name && c.type === type;
  return (guildId ? ctx.state.commands(guildId).find(match) : undefined) ?? ctx.state.globalCommands.find(match);
}

/**
 * `path` is the command line split on spaces: ["copy"], ["copy", "start"] or ["admin", "users", "ban"].
 * Types come from the registered command when there is one; otherwise they are inferred from the JS values.
 */
export function buildOptions(
  ctx: FakeContext,
  command: RegisteredCommand | undefined,
  path: string[],
  values: Record<string, OptionInput>,
  guild: FakeGuild | undefined,
  focused?: string,
): { options: RawOption[]; resolved?: Resolved } {
  let defs: CommandOptionDefinition[] | undefined = command?.options;
  const chain: { name: string; type: number }[] = [];
  for (const [i, name] of path.slice(1).entries()) {
    const isLast = i === path.length - 2;
    const def = defs?.find((d) => d.name === name);
    if (command && !def) throw new Error(`fake-discord: /${path.slice(0, i + 1).join(" ")} has no subcommand ${name}`);
    chain.push({ name, type: def?.type ?? (isLast ? OptionType.Subcommand : OptionType.SubcommandGroup) });
    defs = def?.options;
  }

  const resolved: Resolved = { users: {}, members: {}, roles: {}, channels: {} };
  const leaves: RawOption[] = Object.entries(values).map(([name, value]) => {
    const def = defs?.find((d) => d.name === name);
    if (command && !def) throw new Error(`fake-discord: /${path.join(" ")} has no option ${name}`);
    const type = def?.type ?? inferType(value);
    if (def && type === OptionType.Integer && !Number.isInteger(value) && name !== focused) {
      throw new Error(`fake-discord: option ${name} of /${path.join(" ")} must be an integer`);
    }
    addResolved(ctx, resolved, type, String(value), guild);
    return { name, type, value, ...(name === focused && { focused: true }) };
  });
  // While typing (autocomplete) required options may still be missing.
  for (const def of focused === undefined ? (defs ?? []) : []) {
    if (def.required && !(def.name in values)) {
      throw new Error(
        `fake-discord: /${path.join(" ")} requires option ${def.name} (Discord would not let a user send it)`,
      );
    }
  }

  let options = leaves;
  for (const link of chain.reverse()) options = [{ name: link.name, type: link.type, options }];
  const any = Object.values(resolved).some((r) => Object.keys(r).length > 0);
  return {
    options,
    ...(any && {
      resolved: Object.fromEntries(Object.entries(resolved).filter(([, r]) => Object.keys(r).length > 0)) as Resolved,
    }),
  };
}

function inferType(value: OptionInput): number {
  if (typeof value === "boolean") return OptionType.Boolean;
  if (typeof value === "number") return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function addResolved(
  ctx: FakeContext,
  resolved: Resolved,
  type: number,
  id: string,
  guild: FakeGuild | undefined,
): void {
  const user = ctx.state.user(id);
  const role = ctx.state.role(id);
  if ((type === OptionType.User || type === OptionType.Mentionable) && user) {
    resolved.users[id] = userJson(user);
    const member = guild?.members.get(id);
    if (guild && member) resolved.members[id] = interactionMemberJson(ctx, guild, member, false);
  } else if ((type === OptionType.Role || type === OptionType.Mentionable) && role) {
    resolved.roles[id] = roleJson(role);
  } else if (type === OptionType.Channel) {
    const channel = ctx.state.channels.get(id);
    if (channel) resolved.channels[id] = { ...channelJson(ctx, channel), permissions: "0" };
  } else if (type === OptionType.User || type === OptionType.Role || type === OptionType.Mentionable) {
    throw new Error(`fake-discord: option value ${id} is not a known ${type === OptionType.Role ? "role" : "user"}`);
  }
}
