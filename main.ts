// `npm start`: API, workers and bots in one process. On embedded defaults (no DATABASE_URL, no REDIS_URL) it
// needs nothing installed: PGlite under .data/ and an in-process queue.
import { apiDepsFrom, serveApi } from "./api/serve.ts";
import { discordFromRuntime } from "./bots/discord/discord-from-runtime.ts";
import { createDiscordNotifier } from "./bots/discord/notifications/discord-notifier.ts";
import { startDiscord } from "./bots/discord/start-discord.ts";
import { wording } from "./bots/shared/wording/translator.ts";
import { createTelegramNotifier } from "./bots/telegram/notifications/telegram-notifier.ts";
import { startTelegram } from "./bots/telegram/start-telegram.ts";
import { telegramFromRuntime } from "./bots/telegram/telegram-from-runtime.ts";
import { createCcxtKeyPermissions } from "./core/exchange/ccxt-key-permissions.ts";
import { loadEnvOrExit } from "./core/platform/config.ts";
import { startHeartbeat } from "./core/platform/heartbeat.ts";
import { createLogger } from "./core/platform/logger.ts";
import { onShutdown } from "./core/platform/shutdown.ts";
import { buildTradingRuntime } from "./core/platform/trading-runtime.ts";
import {
  createSupportKnowledge,
  ingestAtStartup,
  supportKnowledgeOptions,
} from "./core/support/knowledge/support-knowledge.ts";
import { supportDepsFromEnv } from "./core/support/support-from-env.ts";
import { startWorkers } from "./worker/start-workers.ts";

const env = loadEnvOrExit(process.env);
const logger = createLogger({ pretty: env.NODE_ENV === "development" && process.stdout.isTTY, level: env.LOG_LEVEL });
const rt = await buildTradingRuntime(env, logger);
// Support's knowledge base follows docs/: what changed since the last start is re-chunked and re-embedded, in the
// background (docs/support.md).
const knowledge = createSupportKnowledge(supportKnowledgeOptions(env), { db: rt.db, logger });
void ingestAtStartup(knowledge, logger);
// Both bots answer support questions from that one knowledge base (BM25 and no network call without a key).
const support = supportDepsFromEnv(env, { db: rt.db.prisma, clock: rt.clock, logger, knowledge });
// Each configured chat transport delivers its own notifications (one queue per transport).
const notifiers = [
  env.TELEGRAM_BOT_TOKEN && createTelegramNotifier({ token: env.TELEGRAM_BOT_TOKEN, apiRoot: env.TELEGRAM_API_ROOT }),
  env.DISCORD_BOT_TOKEN &&
    createDiscordNotifier({ token: env.DISCORD_BOT_TOKEN, apiRoot: env.DISCORD_API_ROOT, translator: wording() }),
].filter((n) => !!n);
const workers = await startWorkers(rt, { notifiers });
const heartbeat = await startHeartbeat({ db: rt.db.prisma, logger }, { kind: "all-in-one" });
const tg = telegramFromRuntime(rt, workers.queue);
const telegram = tg ? await startTelegram(tg.options, { ...tg.deps, support }) : undefined;
const dc = discordFromRuntime(rt, workers.queue);
const discord = dc ? await startDiscord(dc.options, { ...dc.deps, support }) : undefined;
const api = await serveApi(
  apiDepsFrom(rt, workers.queue, {
    exchanges: async () => rt.exchanges,
    keyPermissions: createCcxtKeyPermissions({
      urlOverrides: env.CCXT_URL_OVERRIDES,
      timeoutMs: env.EXCHANGE_TIMEOUT_MS,
    }),
  }),
  {
    host: env.HOST,
    port: env.PORT,
    mount: telegram?.webhookRoutes,
  },
);

logger.info(
  {
    url: api.url,
    database: rt.db.kind,
    queue: workers.mode,
    telegram: telegram
      ? `on (@${telegram.username}, ${telegram.mode === "webhook" ? "webhook" : "long polling"})`
      : "off (TELEGRAM_BOT_TOKEN unset)",
    discord: discord ? `on (${discord.username})` : "off (DISCORD_BOT_TOKEN unset)",
  },
  "mimic is up",
);

onShutdown(logger, [
  async () => telegram?.stop(),
  async () => discord?.stop(),
  api.close,
  workers.close,
  heartbeat.stop,
  rt.close,
]);
