import { z } from "zod";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import { type ChannelActor, channelActorSchema, discordIdSchema, recordChannelAudit } from "./channel-actor.ts";

const bindInput = z.object({ guildId: discordIdSchema, channelId: discordIdSchema, actor: channelActorSchema });

/**
 * `/channel governance`: the channel hears of proposals (a button per option) and their results. No strategy
 * owns it, so the bar is the guild's (Manage Server: what goes in its channels is the server's call) or a Mimic
 * admin's, like the other bindings'; a refusal binds nothing.
 */
export async function bindCommunityChannel(
  raw: { guildId: string; channelId: string; actor: ChannelActor },
  deps: { db: DbClient; adminDiscordIds: readonly string[] },
): Promise<{ created: boolean }> {
  const input = parseInput(bindInput, raw);
  const isAdmin = deps.adminDiscordIds.includes(input.actor.discordId);
  if (!isAdmin && !input.actor.canManageGuild) {
    throw new AppError("FORBIDDEN", "only a member with Manage Server in this guild, or a Mimic admin, may bind it");
  }
  const key = { transport: "discord" as const, chatId: input.channelId };
  const existing = await deps.db.communityChannel.findUnique({
    where: { transport_chatId: key },
    select: { id: true },
  });
  if (!existing) {
    await deps.db.communityChannel.create({
      data: { ...key, guildId: input.guildId, boundBy: `discord:${input.actor.discordId}` },
    });
  }
  const user = await deps.db.user.findUnique({ where: { discordId: input.actor.discordId }, select: { id: true } });
  await recordChannelAudit(deps.db, { userId: user?.id ?? null, discordId: input.actor.discordId }, "channel.bound", {
    kind: "governance",
    guildId: input.guildId,
    channelId: input.channelId,
  });
  return { created: !existing };
}

/** `/channel unbind` also ends a governance binding (same permission as binding it); the count removed. */
export async function unbindCommunityChannel(
  input: { channelId: string; actor: ChannelActor },
  deps: { db: DbClient; adminDiscordIds: readonly string[] },
): Promise<number> {
  if (!deps.adminDiscordIds.includes(input.actor.discordId) && !input.actor.canManageGuild) return 0;
  const { count } = await deps.db.communityChannel.deleteMany({
    where: { transport: "discord", chatId: input.channelId },
  });
  if (count) {
    const user = await deps.db.user.findUnique({ where: { discordId: input.actor.discordId }, select: { id: true } });
    await recordChannelAudit(
      deps.db,
      { userId: user?.id ?? null, discordId: input.actor.discordId },
      "channel.unbound",
      {
        kind: "governance",
        channelId: input.channelId,
      },
    );
  }
  return count;
}

/**
 * A Telegram group (or a Discord channel) named by an admin through the API: Telegram has no /channel command,
 * and a group's id is what the admin reads from the bot's log or a group-id bot. Audited; naming it again is a no-op.
 */
export async function addCommunityChannelAsAdmin(
  input: { transport: "telegram" | "discord"; chatId: string; guildId?: string | null },
  deps: { db: DbClient; who: { actor: string; ip: string | null } },
): Promise<{ id: string; transport: string; chatId: string; created: boolean }> {
  const key = { transport: input.transport, chatId: input.chatId };
  const existing = await deps.db.communityChannel.findUnique({ where: { transport_chatId: key } });
  if (existing) return { id: existing.id, transport: existing.transport, chatId: existing.chatId, created: false };
  const row = await deps.db.communityChannel.create({
    data: { ...key, guildId: input.guildId ?? null, boundBy: deps.who.actor },
  });
  await deps.db.auditLog.create({
    data: { actor: deps.who.actor, ip: deps.who.ip, action: "channel.bound", details: { kind: "community", ...key } },
  });
  return { id: row.id, transport: row.transport, chatId: row.chatId, created: true };
}

export async function removeCommunityChannelAsAdmin(
  input: { id: string },
  deps: { db: DbClient; who: { actor: string; ip: string | null } },
): Promise<void> {
  const row = await deps.db.communityChannel.findUnique({ where: { id: input.id } });
  if (!row) throw new AppError("NOT_FOUND", "no such community channel");
  await deps.db.communityChannel.delete({ where: { id: row.id } });
  await deps.db.auditLog.create({
    data: {
      actor: deps.who.actor,
      ip: deps.who.ip,
      action: "channel.unbound",
      details: { kind: "community", transport: row.transport, chatId: row.chatId },
    },
  });
}
