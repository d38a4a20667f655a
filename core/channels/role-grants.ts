import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { RoleChange } from "./role-sync.ts";

/** Discord added the role: remember it (replacing what an earlier role of the strategy left), to take it back later. */
export async function recordRoleGrant(change: RoleChange, deps: { db: DbClient; clock: Clock }): Promise<void> {
  const { strategyId, userId, ...rest } = change;
  const data = { ...rest, grantedAt: deps.clock.now() };
  await deps.db.discordRoleGrant.upsert({
    where: { strategyId_userId: { strategyId, userId } },
    create: { strategyId, userId, ...data },
    update: data,
  });
}

/**
 * Discord removed the role (or the member or role is gone): forget the grant. Only the grant of exactly that
 * role, guild and member, so taking back an old role never forgets the new one recorded meanwhile.
 */
export async function removeRoleGrant(change: RoleChange, deps: { db: DbClient }): Promise<boolean> {
  const removed = await deps.db.discordRoleGrant.deleteMany({
    where: {
      strategyId: change.strategyId,
      userId: change.userId,
      roleId: change.roleId,
      guildId: change.guildId,
      discordId: change.discordId,
    },
  });
  return removed.count > 0;
}
