import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { isNotFound } from "../platform/prisma-errors.ts";

export interface StrategySettings {
  name?: string;
  maxSignalAgeSec?: number;
  /** The signal provider (a Mimic user); null removes the owner. */
  ownerUserId?: string | null;
  /** The Discord role subscribers get; null removes it (roles already given are taken back). */
  subscriberRoleId?: string | null;
  subscriberRoleGuildId?: string | null;
}

export const strategyView = {
  id: true,
  name: true,
  slug: true,
  maxSignalAgeSec: true,
  ownerUserId: true,
  subscriberRoleId: true,
  subscriberRoleGuildId: true,
  createdAt: true,
} as const;

/** The owner must be a user, so that "only the owner may bind channels" names someone real. */
export async function checkOwner(ownerUserId: string | null | undefined, deps: { db: DbClient }): Promise<void> {
  if (!ownerUserId) return;
  const user = await deps.db.user.findUnique({ where: { id: ownerUserId }, select: { id: true } });
  if (!user) {
    throw new AppError("BAD_REQUEST", `ownerUserId: user ${ownerUserId} does not exist`, {
      details: { field: "ownerUserId" },
    });
  }
}

/** Changes a strategy's settings; fields left out stay as they are. */
export async function updateStrategy(input: { strategyId: string } & StrategySettings, deps: { db: DbClient }) {
  const { strategyId, ...data } = input;
  await checkOwner(data.ownerUserId, deps);
  // A role without its guild is looked up by the bot; a guild without a role means nothing.
  if (data.subscriberRoleId === null) data.subscriberRoleGuildId = null;
  try {
    return await deps.db.strategy.update({ where: { id: strategyId }, data, select: strategyView });
  } catch (err) {
    if (isNotFound(err)) throw new AppError("NOT_FOUND", `strategy ${strategyId} does not exist`);
    throw err;
  }
}
