// Guilds, roles and members.
import type { FakeContext } from "./context.ts";
import { Errors } from "./errors.ts";
import type { FakeGuild, FakeMember, FakeRole } from "./models.ts";
import { highestRolePosition, Permission } from "./permissions.ts";
import { requireBotPermission } from "./rest-routes-messages.ts";
import { json, noContent, type RouteDef, type RouteRequest } from "./router.ts";
import { channelJson, guildJson, memberJson, roleJson } from "./serialize.ts";

function guildOf(ctx: FakeContext, req: RouteRequest): FakeGuild {
  const guild = ctx.state.guilds.get(req.params.guild!);
  if (!guild) throw Errors.unknownGuild();
  return guild;
}

function memberOf(ctx: FakeContext, req: RouteRequest): { guild: FakeGuild; member: FakeMember } {
  const guild = guildOf(ctx, req);
  const member = guild.members.get(req.params.user!);
  if (!member) throw Errors.unknownMember();
  return { guild, member };
}

function roleOf(ctx: FakeContext, guild: FakeGuild, roleId: string): FakeRole {
  const role = ctx.state.role(roleId);
  if (!role || role.guildId !== guild.id) throw Errors.unknownRole();
  return role;
}

/** Discord's role hierarchy: a bot with Manage Roles may only grant roles below its own highest role. */
function requireCanManage(ctx: FakeContext, guild: FakeGuild, role: FakeRole): void {
  requireBotPermission(ctx, guild.id, Permission.ManageRoles);
  const bot = guild.members.get(ctx.botUserId)!;
  if (role.botId || role.id === guild.id || role.position >= highestRolePosition(bot, (id) => ctx.state.role(id))) {
    throw Errors.missingPermissions();
  }
}

function memberUpdated(ctx: FakeContext, guild: FakeGuild, member: FakeMember): void {
  ctx.state.changed();
  ctx.dispatch("GUILD_MEMBER_UPDATE", { guild_id: guild.id, ...memberJson(ctx, member) });
}

export const guildRoutes: RouteDef[] = [
  {
    method: "GET",
    template: "/guilds/:guild",
    handle: (req, ctx) => {
      const guild = guildOf(ctx, req);
      const counts = req.query.get("with_counts") === "true";
      return json({
        ...guildJson(ctx, guild),
        ...(counts && { approximate_member_count: guild.members.size, approximate_presence_count: 0 }),
      });
    },
  },
  {
    method: "GET",
    template: "/users/@me/guilds",
    handle: (_req, ctx) =>
      json(
        [...ctx.state.guilds.values()].map((g) => ({
          id: g.id,
          name: g.name,
          icon: null,
          owner: false,
          permissions: "0",
          features: [],
        })),
      ),
  },
  {
    method: "GET",
    template: "/guilds/:guild/roles",
    handle: (req, ctx) => json(ctx.state.guildRoles(guildOf(ctx, req).id).map(roleJson)),
  },
  {
    method: "GET",
    template: "/guilds/:guild/channels",
    handle: (req, ctx) => json(guildOf(ctx, req).channelIds.map((id) => channelJson(ctx, ctx.state.channels.get(id)!))),
  },
  {
    method: "GET",
    template: "/guilds/:guild/members",
    handle: (req, ctx) => {
      const guild = guildOf(ctx, req);
      const limit = Math.min(1000, Number(req.query.get("limit") ?? 1));
      const after = BigInt(req.query.get("after") ?? 0);
      const members = [...guild.members.values()]
        .filter((m) => BigInt(m.userId) > after)
        .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
        .slice(0, limit);
      return json(members.map((m) => memberJson(ctx, m)));
    },
  },
  {
    method: "GET",
    template: "/guilds/:guild/members/:user",
    handle: (req, ctx) => json(memberJson(ctx, memberOf(ctx, req).member)),
  },
  {
    method: "PATCH",
    template: "/guilds/:guild/members/:user",
    handle: (req, ctx) => {
      const { guild, member } = memberOf(ctx, req);
      const body = (req.body ?? {}) as { roles?: string[]; nick?: string | null };
      if (body.roles) {
        const next = [...new Set(body.roles.map(String))];
        const changed = [
          ...next.filter((id) => !member.roles.includes(id)),
          ...member.roles.filter((id) => !next.includes(id)),
        ];
        for (const id of changed) requireCanManage(ctx, guild, roleOf(ctx, guild, id));
        member.roles = next;
      }
      if (body.nick !== undefined) member.nick = body.nick;
      memberUpdated(ctx, guild, member);
      return json(memberJson(ctx, member));
    },
  },
  {
    method: "PUT",
    template: "/guilds/:guild/members/:user/roles/:role",
    handle: (req, ctx) => {
      const { guild, member } = memberOf(ctx, req);
      const role = roleOf(ctx, guild, req.params.role!);
      requireCanManage(ctx, guild, role);
      if (!member.roles.includes(role.id)) {
        member.roles.push(role.id);
        memberUpdated(ctx, guild, member);
      }
      return noContent();
    },
  },
  {
    method: "DELETE",
    template: "/guilds/:guild/members/:user/roles/:role",
    handle: (req, ctx) => {
      const { guild, member } = memberOf(ctx, req);
      const role = roleOf(ctx, guild, req.params.role!);
      requireCanManage(ctx, guild, role);
      if (member.roles.includes(role.id)) {
        member.roles = member.roles.filter((id) => id !== role.id);
        memberUpdated(ctx, guild, member);
      }
      return noContent();
    },
  },
];
