import type { Logger } from "pino";
import { recordRoleGrant, removeRoleGrant } from "../../../core/channels/role-grants.ts";
import { planRoleSync, type RoleChange } from "../../../core/channels/role-sync.ts";
import type { Clock } from "../../../core/platform/clock.ts";
import type { DbClient } from "../../../core/platform/db-client.ts";
import { toAppError } from "../../../core/platform/errors.ts";
import { DiscordCode, discordCode } from "./discord-errors.ts";

/** The member-role calls (REST PUT/DELETE /guilds/{g}/members/{u}/roles/{r}) and the bot's guild cache. */
export interface RoleApi {
  add(change: RoleChange): Promise<void>;
  remove(change: RoleChange): Promise<void>;
  /** The guild among the bot's that holds this role, for strategies without subscriberRoleGuildId. */
  resolveGuild(roleId: string): string | null;
}

export interface RoleSyncDeps {
  db: DbClient;
  clock: Clock;
  logger: Logger;
  api: RoleApi;
}

export interface RoleSyncReport {
  granted: number;
  revoked: number;
  /** Waiting: a member not in the guild yet, or a role the bot may not manage. */
  waiting: number;
  failed: number;
}

/** Someone not in the guild is asked again after these (doubling up to the last): joining later still counts. */
const MEMBER_RETRY_MS = { first: 30_000, max: 30 * 60_000 };
/** A role the bot may not manage (or that is gone) is tried again after this, so a fix by the admin is noticed. */
const ROLE_RETRY_MS = 5 * 60_000;

const GONE = new Set<number>([DiscordCode.UnknownMember, DiscordCode.UnknownRole, DiscordCode.UnknownGuild]);
const NOT_ALLOWED = new Set<number>([DiscordCode.MissingPermissions, DiscordCode.MissingAccess]);

/**
 * One pass of the subscriber roles: core plans what to grant and revoke (who follows a strategy with a role, and
 * what was granted before), this applies it through Discord and records each change that took. Per member and
 * per role it backs off instead of asking Discord every pass: Unknown Member (not in the guild) waits with
 * doubling delays; Missing Permissions or Access is warned once, with what the server admin must do, and waits.
 */
export function createRoleSync(
  deps: RoleSyncDeps,
  opts: { memberRetryMs?: typeof MEMBER_RETRY_MS; roleRetryMs?: number } = {},
) {
  const memberRetry = opts.memberRetryMs ?? MEMBER_RETRY_MS;
  const roleRetryMs = opts.roleRetryMs ?? ROLE_RETRY_MS;
  const log = deps.logger.child({ loop: "role-sync" });
  const memberWait = new Map<string, { until: number; delayMs: number }>();
  const roleWait = new Map<string, number>();
  const warned = new Set<string>();
  const memberKey = (c: RoleChange) => `${c.guildId}|${c.discordId}`;
  const roleKey = (c: RoleChange) => `${c.guildId}|${c.roleId}`;

  const warnOnce = (key: string, fields: Record<string, unknown>, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log.warn(fields, message);
  };

  /** A refusal about the role or the bot's rights in that guild: say it once, and leave the role alone a while. */
  const roleRefused = (c: RoleChange, code: number | undefined, now: number) => {
    roleWait.set(roleKey(c), now + roleRetryMs);
    const where = { guildId: c.guildId, roleId: c.roleId, strategyId: c.strategyId, code };
    if (code === DiscordCode.MissingPermissions) {
      warnOnce(
        `perm|${roleKey(c)}`,
        where,
        "cannot manage the subscriber role: in Server Settings → Roles, give the bot's role Manage Roles and drag it above the subscriber role",
      );
    } else if (code === DiscordCode.MissingAccess) {
      warnOnce(`access|${roleKey(c)}`, where, "cannot reach the subscriber role's server: is the bot still in it?");
    } else {
      warnOnce(
        `gone|${roleKey(c)}`,
        where,
        "the subscriber role or its server no longer exists: set the strategy's role again",
      );
    }
  };

  // A revoke never waits on the member: taking a role away from someone who left is just forgetting it.
  const waiting = (c: RoleChange, kind: "grant" | "revoke", now: number) =>
    (roleWait.get(roleKey(c)) ?? 0) > now || (kind === "grant" && (memberWait.get(memberKey(c))?.until ?? 0) > now);

  async function grant(c: RoleChange, now: number): Promise<keyof RoleSyncReport> {
    try {
      await deps.api.add(c);
    } catch (err) {
      const code = discordCode(err);
      if (code === DiscordCode.UnknownMember) {
        // Not in the guild (yet): nothing to grant; ask again later, less and less often.
        const delayMs = Math.min(memberRetry.max, (memberWait.get(memberKey(c))?.delayMs ?? memberRetry.first / 2) * 2);
        memberWait.set(memberKey(c), { until: now + delayMs, delayMs });
        log.debug(
          { guildId: c.guildId, discordId: c.discordId, retryInMs: delayMs },
          "subscriber not in the role's guild",
        );
        return "waiting";
      }
      if (code !== undefined && (GONE.has(code) || NOT_ALLOWED.has(code))) {
        roleRefused(c, code, now);
        return "waiting";
      }
      log.warn({ ...c, err: toAppError(err).message }, "subscriber role not granted; trying again next pass");
      return "failed";
    }
    memberWait.delete(memberKey(c));
    for (const prefix of ["perm", "access", "gone"]) warned.delete(`${prefix}|${roleKey(c)}`);
    await recordRoleGrant(c, deps);
    log.info({ guildId: c.guildId, roleId: c.roleId, discordId: c.discordId }, "subscriber role granted");
    return "granted";
  }

  async function revoke(c: RoleChange, now: number): Promise<keyof RoleSyncReport> {
    try {
      await deps.api.remove(c);
    } catch (err) {
      const code = discordCode(err);
      if (code !== undefined && NOT_ALLOWED.has(code)) {
        roleRefused(c, code, now);
        return "waiting";
      }
      // The member left, or the role or guild is gone: nothing holds the role any more.
      if (code === undefined || !GONE.has(code)) {
        log.warn({ ...c, err: toAppError(err).message }, "subscriber role not removed; trying again next pass");
        return "failed";
      }
    }
    await removeRoleGrant(c, deps);
    log.info({ guildId: c.guildId, roleId: c.roleId, discordId: c.discordId }, "subscriber role removed");
    return "revoked";
  }

  return {
    /** One pass; `stopped` is asked between Discord calls so shutdown never waits for a long plan. */
    async run(stopped: () => boolean = () => false): Promise<RoleSyncReport> {
      const report: RoleSyncReport = { granted: 0, revoked: 0, waiting: 0, failed: 0 };
      const plan = await planRoleSync({ db: deps.db, resolveGuild: (roleId) => deps.api.resolveGuild(roleId) });
      for (const u of plan.unresolved) {
        warnOnce(
          `unresolved|${u.roleId}`,
          u,
          "subscriber role is in no server the bot is in: invite the bot, or set the role's guild",
        );
      }
      const steps = [
        ...plan.revoke.map((c) => ({ c, kind: "revoke" as const, apply: revoke })),
        ...plan.grant.map((c) => ({ c, kind: "grant" as const, apply: grant })),
      ];
      for (const { c, kind, apply } of steps) {
        if (stopped()) break;
        const now = deps.clock.now().getTime();
        const outcome = waiting(c, kind, now) ? "waiting" : await apply(c, now);
        report[outcome] += 1;
      }
      return report;
    },
  };
}
