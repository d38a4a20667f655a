import { type RunnerHandle, run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { LanguageCode, Update } from "grammy/types";
import { Hono } from "hono";
import { queueNotifications } from "../../core/notifications/queue-notifications.ts";
import type { JobQueue } from "../../core/platform/jobs.ts";
import { startSweeps } from "../shared/notifications/start-sweeps.ts";
import { DEFAULT_LOCALE, wording } from "../shared/wording/translator.ts";
import type { BotDeps } from "./bot-deps.ts";
import { createBot } from "./create-bot.ts";
import { telegramCommands } from "./features/help.ts";
import { postGovernance } from "./governance-posts.ts";
import { pruneTelegramUpdates } from "./prune-updates.ts";
import { sweepExpiredFlows } from "./sweep-expired-flows.ts";

export interface TelegramOptions {
  token: string;
  /** A self-hosted Bot API server; Telegram's by default. */
  apiRoot?: string;
  /**
   * Set: webhook mode; unset: long polling. `via` says how the updates reach this process: "http" (default) when
   * the caller mounts `webhookRoutes` on its own server (`npm start`); "queue" when `npm run api` takes them and
   * queues them, and the caller feeds them to `handleUpdate` (`npm run bot`, see consume-updates.ts).
   */
  webhook?: { url: string; secret: string; via?: "http" | "queue" };
  /** Long-poll timeout in seconds. */
  pollTimeoutSec?: number;
  /** How often the notification outbox is swept (and, every 30 s or so, expired /2fa pictures); 0 turns it off. */
  notifySweepMs?: number;
}

export interface RunningTelegram {
  mode: "polling" | "webhook";
  username: string;
  /** Webhook mode via "http": POST routes to mount on the HTTP server (Telegram's secret-token header is checked). */
  webhookRoutes?: Hono;
  /** Handles one update; webhook mode via "queue" feeds the queued updates here. */
  handleUpdate(update: Update): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the bot and the notification sweep that turns finished executions into messages; the same timer deletes
 * the /2fa setup pictures of setups that expired (sweep-expired-flows.ts).
 */
export async function startTelegram(
  opts: TelegramOptions,
  deps: BotDeps & { queue: JobQueue },
): Promise<RunningTelegram> {
  const bot = createBot({ token: opts.token, apiRoot: opts.apiRoot, deps });
  await bot.init();
  // The command menu in English by default, and in each other language of locales/ for users whose Telegram
  // speaks it.
  const translator = wording();
  for (const locale of translator.locales) {
    await bot.api
      .setMyCommands(
        telegramCommands(translator.forLocale(locale)),
        locale === DEFAULT_LOCALE ? undefined : { language_code: locale as LanguageCode },
      )
      .catch((err: Error) => deps.logger.warn({ err: err.message, locale }, "setMyCommands failed"));
  }

  let runner: RunnerHandle | undefined;
  let webhookRoutes: Hono | undefined;
  if (opts.webhook) {
    await bot.api.setWebhook(opts.webhook.url, { secret_token: opts.webhook.secret });
    if (opts.webhook.via !== "queue") {
      const handle = webhookCallback(bot, "hono", { secretToken: opts.webhook.secret });
      webhookRoutes = new Hono().post(new URL(opts.webhook.url).pathname, (c) => handle(c));
    }
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { timeout: opts.pollTimeoutSec ?? 30 }, silent: true } });
  }

  const sweeps = startSweeps({
    tickMs: opts.notifySweepMs ?? 2000,
    clock: deps.clock,
    logger: deps.logger,
    tasks: [
      { name: "notification outbox", run: () => queueNotifications(deps) },
      { name: "telegram update ids", minIntervalMs: 3_600_000, run: (now) => pruneTelegramUpdates(deps.db, now) },
      // The /2fa setup picture shows the secret: it goes when its setup expires, whether or not the user writes.
      // Governance proposals and results in the community chats (core/community/governance).
      { name: "governance posts", run: () => postGovernance(deps, bot.api) },
      { name: "expired flows", minIntervalMs: 30_000, run: () => sweepExpiredFlows(deps, bot.api) },
    ],
  });

  return {
    mode: opts.webhook ? "webhook" : "polling",
    username: bot.botInfo.username,
    webhookRoutes,
    handleUpdate: (update) => bot.handleUpdate(update),
    async stop() {
      await sweeps.stop();
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
