import { z } from "zod";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

export const discordIdSchema = z.string().regex(/^\d{5,25}$/, { error: "must be a Discord id" });
export const channelActorSchema = z.object({ discordId: discordIdSchema, canManageGuild: z.boolean() });

/** Who runs a `/channel` command: their Discord id, and whether they hold Manage Server in this guild. */
export interface ChannelActor {
  discordId: string;
  canManageGuild: boolean;
}

export interface ChannelAuthDeps {
  db: DbClient;
  /** `DISCORD_ADMIN_IDS`: Mimic's admins, who may bind any strategy's channels anywhere. */
  adminDiscordIds: readonly string[];
}

/**
 * Binding a strategy's channels is for its owner (the provider) in a guild where they hold Manage Server, or a
 * Mimic admin. Anyone else is refused with the reason. Returns the actor's Mimic user id, when they have one.
 */
export async function authorizeStrategyChannels(
  strategy: { ownerUserId: string | null },
  actor: ChannelActor,
  deps: ChannelAuthDeps,
): Promise<{ userId: string | null }> {
  const user = await deps.db.user.findUnique({ where: { discordId: actor.discordId }, select: { id: true } });
  const userId = user?.id ?? null;
  if (deps.adminDiscordIds.includes(actor.discordId)) return { userId };
  const owns = userId !== null && strategy.ownerUserId === userId;
  if (owns && actor.canManageGuild) return { userId };
  throw new AppError(
    "FORBIDDEN",
    owns
      ? "you own this strategy but lack Manage Server in this guild"
      : "only the strategy's owner, with Manage Server in this guild, or a Mimic admin may bind its channels",
  );
}

/** An audit row for a channel change, by the Discord user who made it. */
export function recordChannelAudit(
  db: DbClient,
  who: { userId: string | null; discordId: string },
  action: "channel.bound" | "channel.unbound",
  details: Record<string, string | null | string[]>,
) {
  return db.auditLog.create({ data: { userId: who.userId, actor: `discord:${who.discordId}`, action, details } });
}
