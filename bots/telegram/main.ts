// `npm run bot`: the Telegram bot on its own, for deployments that run the API and workers as separate
// processes. It delivers the "notify" jobs too. Webhook mode (TELEGRAM_WEBHOOK_URL): `npm run api` takes
// Telegram's POSTs and queues them, and this process consumes them. (`npm start` runs the bot in its all-in-one
// process and serves the webhook itself.)
import { loadEnvOrExit } from "../../core/platform/config.ts";
import { createLogger } from "../../core/platform/logger.ts";
import { requireSharedInfra } from "../../core/platform/require-shared-infra.ts";
import { onShutdown } from "../../core/platform/shutdown.ts";
import { buildTradingRuntime } from "../../core/platform/trading-runtime.ts";
import { consumeNotifications } from "../shared/notifications/consume-notifications.ts";
import { consumeUpdates } from "./consume-updates.ts";
import { createTelegramNotifier } from "./notifications/telegram-notifier.ts";
import { startTelegram } from "./start-telegram.ts";
import { telegramFromRuntime } from "./telegram-from-runtime.ts";

const env = loadEnvOrExit(process.env);
const problem = requireSharedInfra(env, "bot");
if (problem || !env.TELEGRAM_BOT_TOKEN) {
  console.error(problem ?? "npm run bot needs TELEGRAM_BOT_TOKEN");
  process.exit(1);
}
const logger = createLogger({
  pretty: env.NODE_ENV === "development" && process.stdout.isTTY,
  level: env.LOG_LEVEL,
  name: "mimic-bot",
});
const rt = await buildTradingRuntime(env, logger);
const redis = rt.redis;
const tg = redis && telegramFromRuntime(rt, redis.queue, "queue");
if (!redis || !tg) throw new Error("unreachable: REDIS_URL and TELEGRAM_BOT_TOKEN are checked above");
const telegram = await startTelegram(tg.options, tg.deps);
const updates =
  telegram.mode === "webhook"
    ? consumeUpdates({
        connection: redis.connection,
        prefix: env.QUEUE_PREFIX,
        handleUpdate: telegram.handleUpdate,
        logger,
      })
    : undefined;
const notifications = consumeNotifications({
  connection: redis.connection,
  prefix: env.QUEUE_PREFIX,
  notifier: createTelegramNotifier({ token: env.TELEGRAM_BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT }),
  db: rt.db.prisma,
  clock: rt.clock,
  logger,
});
logger.info({ bot: `@${telegram.username}`, mode: telegram.mode }, "telegram bot is up");
// Updates still queued stay in Redis for the next start.
onShutdown(logger, [async () => updates?.close(), telegram.stop, notifications.close, rt.close]);
