import { z } from "zod";
import { AppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import {
  authorizeStrategyChannels,
  type ChannelActor,
  type ChannelAuthDeps,
  channelActorSchema,
  discordIdSchema,
  recordChannelAudit,
} from "./channel-actor.ts";
import { parsePosterId } from "./poster-id.ts";

const bindInput = z.object({
  kind: z.enum(["publish", "source"]),
  strategySlug: z.string().trim().min(1, { error: "is required" }).max(64),
  guildId: discordIdSchema,
  channelId: discordIdSchema,
  posterId: z.string().max(100).nullish(),
  actor: channelActorSchema,
});

export interface BindChannelInput {
  /** publish: the strategy's signals are posted here; source: the poster's JSON messages here become its signals. */
  kind: "publish" | "source";
  strategySlug: string;
  guildId: string;
  channelId: string;
  /** source only: a user id, a user mention (`<@id>`, `<@!id>`) or a webhook id, as typed. */
  posterId?: string | null;
  actor: ChannelActor;
}

export interface ChannelBindingView {
  id: string;
  kind: "publish" | "source";
  guildId: string;
  channelId: string;
  /** source: the id whose messages count; publish: null. */
  posterId: string | null;
  strategy: { id: string; slug: string; name: string };
}

export interface BindChannelDeps extends ChannelAuthDeps {
  /** The process's source-binding cache (`createSourceBindingLookup`): forgets the channel so it takes effect now. */
  sourceBindings?: { forget(channelId: string): void };
}

/**
 * Binds a channel to a strategy (`/channel publish`, `/channel source`). Binding the same channel, kind and
 * strategy again updates it (a new poster) and says `created: false`. Refusals: NOT_FOUND for an unknown slug,
 * FORBIDDEN with the reason (see `authorizeStrategyChannels`), BAD_REQUEST for a poster that is not an id.
 */
export async function bindChannel(
  raw: BindChannelInput,
  deps: BindChannelDeps,
): Promise<{ binding: ChannelBindingView; created: boolean }> {
  const input = parseInput(bindInput, raw);
  const { db } = deps;
  const strategy = await db.strategy.findUnique({
    where: { slug: input.strategySlug },
    select: { id: true, slug: true, name: true, ownerUserId: true },
  });
  if (!strategy) throw new AppError("NOT_FOUND", `strategy "${input.strategySlug}" does not exist`);
  const { userId } = await authorizeStrategyChannels(strategy, input.actor, deps);
  const posterId = input.kind === "source" ? parsePosterId(input.posterId) : null;

  const key = { channelId: input.channelId, kind: input.kind, strategyId: strategy.id };
  const existing = await db.channelBinding.findUnique({
    where: { channelId_kind_strategyId: key },
    select: { id: true },
  });
  const row = await db.channelBinding.upsert({
    where: { channelId_kind_strategyId: key },
    create: { ...key, guildId: input.guildId, posterId, boundBy: input.actor.discordId },
    update: { guildId: input.guildId, posterId, boundBy: input.actor.discordId },
  });
  deps.sourceBindings?.forget(input.channelId);
  await recordChannelAudit(db, { userId, discordId: input.actor.discordId }, "channel.bound", {
    kind: input.kind,
    guildId: input.guildId,
    channelId: input.channelId,
    strategy: strategy.slug,
    posterId,
  });
  return {
    binding: {
      id: row.id,
      kind: row.kind,
      guildId: row.guildId,
      channelId: row.channelId,
      posterId: row.posterId,
      strategy: { id: strategy.id, slug: strategy.slug, name: strategy.name },
    },
    created: !existing,
  };
}
