// `npm run bot`: the Telegram bot on its own, for deployments that run the API and workers as separate
// processes. It delivers the "notify" jobs too. Webhook mode (TELEGRAM_WEBHOOK_URL): `npm run api` takes
// Telegram's POSTs and queues them, and this process consumes them. (`npm start` runs the bot in its all-in-one
// process and serves the webhook itself.)
import { loadEnvOrExit } from "../../core/platform/config.ts";
import { startHeartbeat } from "../../core/platform/heartbeat.ts";
import { createLogger } from "../../core/platform/logger.ts";
import { observeRuntime, processMetrics } from "../../core/platform/metrics.ts";
import { serveMetrics } from "../../core/platform/metrics-server.ts";
import { requireSharedInfra } from "../../core/platform/require-shared-infra.ts";
import { onShutdown } from "../../core/platform/shutdown.ts";
import { buildTradingRuntime } from "../../core/platform/trading-runtime.ts";
import { createSupportKnowledge, supportKnowledgeOptions } from "../../core/support/knowledge/support-knowledge.ts";
import { supportDepsFromEnv } from "../../core/support/support-from-env.ts";
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
// Support questions are answered from the knowledge base the workers ingest (BM25 without OPENAI_API_KEY).
const knowledge = createSupportKnowledge(supportKnowledgeOptions(env), { db: rt.db, logger });
const support = supportDepsFromEnv(env, { db: rt.db.prisma, clock: rt.clock, logger, knowledge });
const telegram = await startTelegram(tg.options, { ...tg.deps, support });
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
const heartbeat = await startHeartbeat({ db: rt.db.prisma, logger }, { kind: "telegram-bot" });
// Run apart, a bot serves its own metrics (its notification sends) like a worker does.
const metrics = processMetrics();
observeRuntime(metrics, { db: rt.db.prisma, queue: redis.queue });
const metricsServer =
  env.WORKER_METRICS_PORT !== undefined
    ? await serveMetrics({ metrics, port: env.WORKER_METRICS_PORT, host: env.HOST, token: env.METRICS_TOKEN, logger })
    : undefined;
// Updates still queued stay in Redis for the next start.
onShutdown(logger, [
  async () => metricsServer?.close(),
  async () => updates?.close(),
  telegram.stop,
  notifications.close,
  heartbeat.stop,
  rt.close,
]);
