import type { DbClient } from "../../../core/platform/db-client.ts";

/**
 * The strategies /channel's autocomplete suggests: every one for a Mimic admin, else those the caller owns
 * (binding still checks Manage Server and says why when it is missing). A suggestion, not the rule: the rule is
 * core's `authorizeStrategyChannels`.
 */
export async function bindableStrategies(
  caller: { userId: string; discordUserId: string },
  deps: { db: DbClient; adminIds: readonly string[] },
): Promise<{ slug: string; name: string }[]> {
  const admin = deps.adminIds.includes(caller.discordUserId);
  return deps.db.strategy.findMany({
    where: admin ? {} : { ownerUserId: caller.userId },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
