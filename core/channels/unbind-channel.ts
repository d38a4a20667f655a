import { z } from "zod";
import { AppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import {
  type ChannelActor,
  type ChannelAuthDeps,
  channelActorSchema,
  discordIdSchema,
  recordChannelAudit,
} from "./channel-actor.ts";

const unbindInput = z.object({ guildId: discordIdSchema, channelId: discordIdSchema, actor: channelActorSchema });

export interface UnboundChannel {
  /** How many bindings were removed (0: nothing was bound here). */
  removed: number;
  bindings: { kind: "publish" | "source"; strategySlug: string }[];
}

/**
 * `/channel unbind`: removes every binding of the channel, whatever strategy. Allowed to someone with Manage
 * Server in the guild (it is their server: they could remove the bot or the channel anyway) and to Mimic admins;
 * a strategy's owner without Manage Server cannot have bound it there in the first place.
 */
export async function unbindChannel(
  raw: { guildId: string; channelId: string; actor: ChannelActor },
  deps: ChannelAuthDeps & { sourceBindings?: { forget(channelId: string): void } },
): Promise<UnboundChannel> {
  const input = parseInput(unbindInput, raw);
  const { actor } = input;
  if (!actor.canManageGuild && !deps.adminDiscordIds.includes(actor.discordId)) {
    throw new AppError(
      "FORBIDDEN",
      "only someone with Manage Server in this guild, or a Mimic admin, may unbind its channels",
    );
  }
  const where = { channelId: input.channelId, guildId: input.guildId };
  const removed = await deps.db.$transaction(async (tx) => {
    const rows = await tx.channelBinding.findMany({
      where,
      select: { kind: true, strategy: { select: { slug: true } } },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    });
    await tx.channelBinding.deleteMany({ where });
    return rows.map((r) => ({ kind: r.kind, strategySlug: r.strategy.slug }));
  });
  deps.sourceBindings?.forget(input.channelId);
  if (removed.length) {
    const user = await deps.db.user.findUnique({ where: { discordId: actor.discordId }, select: { id: true } });
    const who = { userId: user?.id ?? null, discordId: actor.discordId };
    await recordChannelAudit(deps.db, who, "channel.unbound", {
      guildId: input.guildId,
      channelId: input.channelId,
      bindings: removed.map((b) => `${b.kind}:${b.strategySlug}`),
    });
  }
  return { removed: removed.length, bindings: removed };
}
