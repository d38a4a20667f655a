import { type RunnerHandle, run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { Hono } from "hono";
import { queueNotifications } from "../../core/notifications/queue-notifications.ts";
import type { JobQueue } from "../../core/platform/jobs.ts";
import type { BotDeps } from "./bot-deps.ts";
import { createBot } from "./create-bot.ts";
import { COMMANDS } from "./features/help.ts";
import { pruneTelegramUpdates } from "./prune-updates.ts";

export interface TelegramOptions {
  token: string;
  /** A self-hosted Bot API server; Telegram's by default. */
  apiRoot?: string;
  /** Set: webhook mode (the caller mounts `webhookRoutes`); unset: long polling. */
  webhook?: { url: string; secret: string };
  /** Long-poll timeout in seconds. */
  pollTimeoutSec?: number;
  /** How often the notification outbox is swept; 0 turns it off. */
  notifySweepMs?: number;
}

export interface RunningTelegram {
  mode: "polling" | "webhook";
  username: string;
  /** Webhook mode: POST routes to mount on the HTTP server (Telegram's secret-token header is checked). */
  webhookRoutes?: Hono;
  stop(): Promise<void>;
}

/** Starts the bot and the notification sweep that turns finished executions into messages. */
export async function startTelegram(
  opts: TelegramOptions,
  deps: BotDeps & { queue: JobQueue },
): Promise<RunningTelegram> {
  const bot = createBot({ token: opts.token, apiRoot: opts.apiRoot, deps });
  await bot.init();
  await bot.api
    .setMyCommands(COMMANDS)
    .catch((err: Error) => deps.logger.warn({ err: err.message }, "setMyCommands failed"));

  let runner: RunnerHandle | undefined;
  let webhookRoutes: Hono | undefined;
  if (opts.webhook) {
    await bot.api.setWebhook(opts.webhook.url, { secret_token: opts.webhook.secret });
    const handle = webhookCallback(bot, "hono", { secretToken: opts.webhook.secret });
    webhookRoutes = new Hono().post(new URL(opts.webhook.url).pathname, (c) => handle(c));
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { timeout: opts.pollTimeoutSec ?? 30 }, silent: true } });
  }

  const sweepMs = opts.notifySweepMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> = Promise.resolve();
  let stopped = false;
  let prunedAt = 0;
  const sweep = () => {
    if (stopped || sweepMs <= 0) return;
    timer = setTimeout(() => {
      const now = deps.clock.now();
      const prune = now.getTime() - prunedAt > 3_600_000;
      if (prune) prunedAt = now.getTime();
      sweeping = queueNotifications(deps)
        .then(() => (prune ? pruneTelegramUpdates(deps.db, now) : 0))
        .then(() => undefined)
        .catch((err: Error) => deps.logger.warn({ err: err.message }, "notification sweep failed"))
        .finally(sweep);
    }, sweepMs);
    timer.unref();
  };
  sweep();

  return {
    mode: opts.webhook ? "webhook" : "polling",
    username: bot.botInfo.username,
    webhookRoutes,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await sweeping;
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
