import type { DbClient } from "../platform/db-client.ts";

/** One subscriber role on one Discord member: what to PUT (grant) or DELETE (revoke). */
export interface RoleChange {
  strategyId: string;
  userId: string;
  discordId: string;
  guildId: string;
  roleId: string;
}

export interface RoleSyncPlan {
  /** PUT the member role, then `recordRoleGrant`. Discord's 404 Unknown Member: not in the guild; record nothing. */
  grant: RoleChange[];
  /** DELETE the member role, then `removeRoleGrant` (also after a 404: the member or role is gone anyway). */
  revoke: RoleChange[];
  /** Roles whose guild is not set and `resolveGuild` could not find: nothing is granted for them. */
  unresolved: { strategyId: string; roleId: string }[];
}

interface Subscriber {
  strategyId: string;
  roleId: string;
  guildId: string | null;
  userId: string;
  discordId: string;
}

/**
 * What the subscriber-role loop must change. Policy: a user holds a strategy's role while any of their
 * subscriptions to it has not ended (active or paused: pausing is a break, not leaving) on an account that is
 * not removed, and their Mimic user has a Discord identity. It is revoked when they unsubscribe (ended), their
 * last account is removed, the strategy's role or guild changes (the old one is revoked, the new one granted),
 * or their Discord identity changes. Revokes and grants are independent: either order works.
 *
 * The guild is `Strategy.subscriberRoleGuildId`; when null, `resolveGuild(roleId)` (the bot's own cache).
 */
export async function planRoleSync(deps: {
  db: DbClient;
  resolveGuild?: (roleId: string) => string | null;
}): Promise<RoleSyncPlan> {
  const { db } = deps;
  const [subscribers, grants] = await Promise.all([
    db.$queryRaw<Subscriber[]>`
      SELECT DISTINCT st."id" AS "strategyId", st."subscriberRoleId" AS "roleId",
        st."subscriberRoleGuildId" AS "guildId", u."id" AS "userId", u."discordId"
      FROM "Strategy" st
      JOIN "Subscription" sub ON sub."strategyId" = st."id" AND sub."status" IN ('active', 'paused')
      JOIN "ExchangeAccount" a ON a."id" = sub."accountId" AND a."status" <> 'removed'
      JOIN "User" u ON u."id" = a."userId" AND u."discordId" IS NOT NULL
      WHERE st."subscriberRoleId" IS NOT NULL`,
    db.discordRoleGrant.findMany({
      select: { strategyId: true, userId: true, discordId: true, guildId: true, roleId: true },
    }),
  ]);
  const held = new Map(grants.map((g) => [`${g.strategyId}|${g.userId}`, g]));
  const plan: RoleSyncPlan = { grant: [], revoke: [], unresolved: [] };
  const guilds = new Map<string, string | null>();
  const guildOf = (s: Subscriber) => {
    if (s.guildId) return s.guildId;
    if (!guilds.has(s.roleId)) guilds.set(s.roleId, deps.resolveGuild?.(s.roleId) ?? null);
    return guilds.get(s.roleId) ?? null;
  };
  const kept = new Set<string>();
  for (const s of subscribers) {
    const key = `${s.strategyId}|${s.userId}`;
    const grant = held.get(key);
    const guildId = guildOf(s);
    const same = grant && grant.roleId === s.roleId && grant.discordId === s.discordId;
    if (!guildId) {
      if (!plan.unresolved.some((u) => u.strategyId === s.strategyId)) {
        plan.unresolved.push({ strategyId: s.strategyId, roleId: s.roleId });
      }
      // The role is the same one: keep what was granted in whatever guild until the guild is known again.
      if (same) kept.add(key);
      continue;
    }
    if (same && grant.guildId === guildId) {
      kept.add(key);
      continue;
    }
    plan.grant.push({ strategyId: s.strategyId, userId: s.userId, discordId: s.discordId, guildId, roleId: s.roleId });
  }
  for (const [key, g] of held) if (!kept.has(key)) plan.revoke.push(g);
  return plan;
}
