import { type Client, Events } from "discord.js";
import { queueNotifications } from "../../core/notifications/queue-notifications.ts";
import { toAppError } from "../../core/platform/errors.ts";
import { startSweeps } from "../shared/notifications/start-sweeps.ts";
import { commandDefinitions } from "./command-definitions.ts";
import { createClient } from "./create-client.ts";
import type { DiscordDeps } from "./discord-deps.ts";
import { createInteractionRouter } from "./interaction-router.ts";
import type { CommandModule, ListenerContext, MessageListener } from "./kit/command-module.ts";
import { registerCommands } from "./register-commands.ts";
import { commands as defaultCommands, listeners as defaultListeners } from "./registry.ts";

export interface DiscordOptions {
  token: string;
  /** Discord's REST base (DISCORD_API_ROOT); the gateway URL comes from its GET /gateway/bot. */
  apiRoot: string;
  /** Set: commands are registered in this guild only; unset: globally. */
  guildId?: string;
  /** Sync the slash commands at start-up (one bulk overwrite); default true. */
  registerCommands?: boolean;
  /** How often the notification outbox is swept; 0 turns it off. Default 2000. */
  notifySweepMs?: number;
  /** Tests and extensions: instead of registry.ts. */
  commands?: readonly CommandModule[];
  listeners?: readonly MessageListener[];
}

export interface RunningDiscord {
  client: Client<true>;
  username: string;
  applicationId: string;
  commands: { scope: "guild" | "global"; count: number } | null;
  stop(): Promise<void>;
}

/**
 * Logs the gateway client in, syncs the slash commands, routes interactions to the command modules and message
 * events to the listeners, and sweeps the notification outbox (idempotent, so the Telegram bot may sweep too).
 */
export async function startDiscord(opts: DiscordOptions, deps: DiscordDeps): Promise<RunningDiscord> {
  const log = deps.logger;
  const commands = opts.commands ?? defaultCommands;
  const listeners = opts.listeners ?? defaultListeners;
  const client = createClient({ apiRoot: opts.apiRoot });
  const route = createInteractionRouter({ commands, deps });
  client.on(Events.InteractionCreate, (interaction) => {
    route(interaction).catch((err: Error) => log.error({ err: err.message }, "interaction handling failed"));
  });
  client.on(Events.Error, (err) => log.error({ err: err.message }, "discord client error"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, "discord gateway disconnected"),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(opts.token);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const me = await ready;

  let registered: RunningDiscord["commands"] = null;
  if (opts.registerCommands !== false) {
    const definitions = commandDefinitions(commands, deps);
    registered = await registerCommands(
      { applicationId: me.application.id, guildId: opts.guildId, definitions },
      { rest: client.rest },
    ).catch((err: Error) => {
      // The bot still answers the commands registered before.
      log.warn({ err: err.message }, "slash command registration failed");
      return null;
    });
  }

  const ctx: ListenerContext = { client: me, deps };
  for (const listener of listeners) {
    const guard = (event: string, run: () => Promise<void>) =>
      run().catch((err) =>
        log.error({ err: toAppError(err).message, listener: listener.name, event }, "listener failed"),
      );
    if (listener.messageCreate) {
      const onCreate = listener.messageCreate.bind(listener);
      client.on(Events.MessageCreate, (message) => void guard("messageCreate", () => onCreate(message, ctx)));
    }
    if (listener.messageUpdate) {
      const onUpdate = listener.messageUpdate.bind(listener);
      client.on(
        Events.MessageUpdate,
        (before, after) => void guard("messageUpdate", () => onUpdate(before, after, ctx)),
      );
    }
  }
  const tasks = listeners.flatMap((l) => (l.start ? [l.start(ctx)] : []));

  // The outbox sweep is idempotent: the Telegram bot may run it too.
  const sweeps = startSweeps({
    tickMs: opts.notifySweepMs ?? 2000,
    clock: deps.clock,
    logger: log,
    tasks: [{ name: "notification outbox", run: () => queueNotifications(deps) }],
  });

  return {
    client: me,
    username: me.user.username,
    applicationId: me.application.id,
    commands: registered,
    async stop() {
      await sweeps.stop();
      await Promise.all(tasks.map((task) => task.stop().catch(() => undefined)));
      await client.destroy();
    },
  };
}
