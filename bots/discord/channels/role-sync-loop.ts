import { type Client, Routes } from "discord.js";
import type { DiscordDeps } from "../discord-deps.ts";
import { createRoleSync, type RoleApi } from "./role-sync.ts";

/**
 * How often subscriber roles are brought in line with subscriptions. Subscribing happens in any process (the
 * Telegram bot, the admin API), so there is no in-process event to wait for; one pass is two queries when
 * nothing changed, so a short interval is cheap.
 */
export const ROLE_SYNC_MS = 5_000;

const REASON = "Mimic: strategy subscriber role";

/** Member roles through REST (no member cache needed: the bot has no GuildMembers intent). */
export function discordRoleApi(client: Client<true>): RoleApi {
  return {
    async add(c) {
      await client.rest.put(Routes.guildMemberRole(c.guildId, c.discordId, c.roleId), { reason: REASON });
    },
    async remove(c) {
      await client.rest.delete(Routes.guildMemberRole(c.guildId, c.discordId, c.roleId), { reason: REASON });
    },
    resolveGuild: (roleId) => client.guilds.cache.find((g) => g.roles.cache.has(roleId))?.id ?? null,
  };
}

/** A pass every `intervalMs`, the next one scheduled when the last has finished. */
export function startRoleSync(
  deps: Pick<DiscordDeps, "db" | "clock" | "logger">,
  api: RoleApi,
  opts: { intervalMs?: number } = {},
): { stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? ROLE_SYNC_MS;
  const sync = createRoleSync({ ...deps, api });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sync
        .run(() => stopped)
        .then(() => undefined)
        .catch((err: Error) => deps.logger.warn({ err: err.message }, "subscriber role pass failed"))
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
