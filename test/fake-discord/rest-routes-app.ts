// Gateway discovery, the bot's identity and application commands.
import type { FakeContext } from "./context.ts";
import { Errors, invalidFormBody } from "./errors.ts";
import { snowflake } from "./ids.ts";
import type { RegisteredCommand } from "./models.ts";
import { json, noContent, type RouteDef, type RouteRequest } from "./router.ts";
import { userJson } from "./serialize.ts";

function applicationJson(ctx: FakeContext) {
  const bot = ctx.state.user(ctx.botUserId)!;
  return {
    id: ctx.applicationId,
    name: bot.username,
    icon: null,
    description: "",
    bot_public: true,
    bot_require_code_grant: false,
    bot: userJson(bot),
    flags: (1 << 15) | (1 << 19),
    owner: { id: "100000000000000001", username: "owner", discriminator: "0", avatar: null },
    team: null,
    verify_key: "0".repeat(64),
    summary: "",
    approximate_guild_count: ctx.state.guilds.size,
    integration_types_config: { "0": {}, "1": {} },
  };
}

/** PUT replaces the whole set; a command keeps its id when a command of the same name and type existed. */
function overwrite(ctx: FakeContext, req: RouteRequest, existing: RegisteredCommand[], guildId?: string) {
  if (!Array.isArray(req.body)) {
    throw invalidFormBody([{ path: "_errors", code: "LIST_TYPE_CONVERT", message: "Must be an array." }]);
  }
  if (req.body.length > 100) {
    throw invalidFormBody([
      { path: "_errors", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." },
    ]);
  }
  const next = (req.body as Record<string, unknown>[]).map((raw, i) => {
    const type = Number(raw.type ?? 1);
    validateCommand(raw, type, i);
    const prior = existing.find((c) => c.name === raw.name && c.type === type);
    return toCommand(ctx, raw, prior?.id ?? snowflake(), guildId);
  });
  existing.splice(0, existing.length, ...next);
  ctx.state.changed();
  return json(next);
}

function validateCommand(raw: Record<string, unknown>, type: number, index: number): void {
  const name = String(raw.name ?? "");
  // Chat-input names are lower-case, 1-32 chars; context-menu names may contain spaces and capitals.
  const valid = type === 1 ? /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(name) : name.length >= 1 && name.length <= 32;
  if (!valid) {
    throw invalidFormBody([
      { path: `${index}.name`, code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" },
    ]);
  }
  if (
    type === 1 &&
    !(typeof raw.description === "string" && raw.description.length >= 1 && raw.description.length <= 100)
  ) {
    throw invalidFormBody([
      { path: `${index}.description`, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." },
    ]);
  }
}

function toCommand(ctx: FakeContext, raw: Record<string, unknown>, id: string, guildId?: string): RegisteredCommand {
  return {
    default_member_permissions: null,
    nsfw: false,
    contexts: null,
    integration_types: [0],
    ...raw,
    id,
    application_id: ctx.applicationId,
    ...(guildId && { guild_id: guildId }),
    name: String(raw.name),
    description: String(raw.description ?? ""),
    type: Number(raw.type ?? 1),
    version: snowflake(),
  } as RegisteredCommand;
}

function commandList(ctx: FakeContext, req: RouteRequest): RegisteredCommand[] {
  if (req.params.app !== ctx.applicationId) throw Errors.unknownCommand();
  if (!req.params.guild) return ctx.state.globalCommands;
  if (!ctx.state.guilds.has(req.params.guild)) throw Errors.unknownGuild();
  const list = ctx.state.guildCommands.get(req.params.guild) ?? [];
  ctx.state.guildCommands.set(req.params.guild, list);
  return list;
}

function findCommand(ctx: FakeContext, req: RouteRequest): { list: RegisteredCommand[]; index: number } {
  const list = commandList(ctx, req);
  const index = list.findIndex((c) => c.id === req.params.command);
  if (index < 0) throw Errors.unknownCommand();
  return { list, index };
}

const commandRoutes = (base: string): RouteDef[] => [
  { method: "GET", template: base, handle: (req, ctx) => json(commandList(ctx, req)) },
  { method: "PUT", template: base, handle: (req, ctx) => overwrite(ctx, req, commandList(ctx, req), req.params.guild) },
  {
    method: "POST",
    template: base,
    handle: (req, ctx) => {
      const list = commandList(ctx, req);
      const raw = req.body as Record<string, unknown>;
      const type = Number(raw.type ?? 1);
      validateCommand(raw, type, 0);
      const prior = list.findIndex((c) => c.name === raw.name && c.type === type);
      const command = toCommand(ctx, raw, prior >= 0 ? list[prior]!.id : snowflake(), req.params.guild);
      if (prior >= 0) list[prior] = command;
      else list.push(command);
      ctx.state.changed();
      return json(command, prior >= 0 ? 200 : 201);
    },
  },
  {
    method: "GET",
    template: `${base}/:command`,
    handle: (req, ctx) => {
      const { list, index } = findCommand(ctx, req);
      return json(list[index]);
    },
  },
  {
    method: "PATCH",
    template: `${base}/:command`,
    handle: (req, ctx) => {
      const { list, index } = findCommand(ctx, req);
      const updated = { ...list[index]!, ...(req.body as object), id: list[index]!.id, version: snowflake() };
      list[index] = updated;
      ctx.state.changed();
      return json(updated);
    },
  },
  {
    method: "DELETE",
    template: `${base}/:command`,
    handle: (req, ctx) => {
      const { list, index } = findCommand(ctx, req);
      list.splice(index, 1);
      ctx.state.changed();
      return noContent();
    },
  },
];

export const appRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/gateway/bot",
    handle: (_req, ctx) =>
      json({
        url: `${ctx.baseUrl.replace(/^http/, "ws")}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
  },
  {
    method: "GET",
    template: "/gateway",
    interaction: true,
    handle: (_req, ctx) => json({ url: `${ctx.baseUrl.replace(/^http/, "ws")}/gateway` }),
  },
  {
    method: "GET",
    template: "/users/@me",
    handle: (_req, ctx) => json({ ...userJson(ctx.state.user(ctx.botUserId)!), verified: true, mfa_enabled: false }),
  },
  {
    method: "GET",
    template: "/users/:user",
    handle: (req, ctx) => {
      const user = ctx.state.user(req.params.user!);
      if (!user) throw Errors.unknownUser();
      return json(userJson(user));
    },
  },
  { method: "GET", template: "/oauth2/applications/@me", handle: (_req, ctx) => json(applicationJson(ctx)) },
  { method: "GET", template: "/applications/@me", handle: (_req, ctx) => json(applicationJson(ctx)) },
  ...commandRoutes("/applications/:app/commands"),
  ...commandRoutes("/applications/:app/guilds/:guild/commands"),
];
