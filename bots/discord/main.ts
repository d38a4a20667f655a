// `npm run discord`: the Discord bot on its own, for deployments that run the API and workers as separate
// processes. It delivers the "notify-discord" jobs too. (`npm start` runs it in its all-in-one process when
// DISCORD_BOT_TOKEN is set.)
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
import { discordFromRuntime } from "./discord-from-runtime.ts";
import { createDiscordNotifier } from "./notifications/discord-notifier.ts";
import { startDiscord } from "./start-discord.ts";

const env = loadEnvOrExit(process.env);
const problem = requireSharedInfra(env, "discord");
if (problem || !env.DISCORD_BOT_TOKEN) {
  console.error(problem ?? "npm run discord needs DISCORD_BOT_TOKEN");
  process.exit(1);
}
const logger = createLogger({
  pretty: env.NODE_ENV === "development" && process.stdout.isTTY,
  level: env.LOG_LEVEL,
  name: "mimic-discord",
});
const rt = await buildTradingRuntime(env, logger);
const redis = rt.redis;
const dc = redis && discordFromRuntime(rt, redis.queue);
if (!redis || !dc) throw new Error("unreachable: REDIS_URL and DISCORD_BOT_TOKEN are checked above");
// Support questions are answered from the knowledge base the workers ingest (BM25 without OPENAI_API_KEY).
const knowledge = createSupportKnowledge(supportKnowledgeOptions(env), { db: rt.db, logger });
const support = supportDepsFromEnv(env, { db: rt.db.prisma, clock: rt.clock, logger, knowledge });
const discord = await startDiscord(dc.options, { ...dc.deps, support });
const notifications = consumeNotifications({
  connection: redis.connection,
  prefix: env.QUEUE_PREFIX,
  notifier: createDiscordNotifier({
    token: env.DISCORD_BOT_TOKEN,
    apiRoot: env.DISCORD_API_ROOT,
    translator: dc.deps.translator,
  }),
  db: rt.db.prisma,
  clock: rt.clock,
  logger,
});
logger.info({ bot: discord.username, commands: discord.commands }, "discord bot is up");
const heartbeat = await startHeartbeat({ db: rt.db.prisma, logger }, { kind: "discord-bot" });
// Run apart, a bot serves its own metrics (its notification sends) like a worker does.
const metrics = processMetrics();
observeRuntime(metrics, { db: rt.db.prisma, queue: redis.queue });
const metricsServer =
  env.WORKER_METRICS_PORT !== undefined
    ? await serveMetrics({ metrics, port: env.WORKER_METRICS_PORT, host: env.HOST, token: env.METRICS_TOKEN, logger })
    : undefined;
onShutdown(logger, [async () => metricsServer?.close(), discord.stop, notifications.close, heartbeat.stop, rt.close]);
