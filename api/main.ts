// `npm run api`: the HTTP API alone; workers run elsewhere and meet it through Postgres and Redis.
import { lazyKeyPermissions } from "../core/accounts/key-permissions.ts";
import { loadEnvOrExit } from "../core/platform/config.ts";
import { createLogger } from "../core/platform/logger.ts";
import { requireSharedInfra } from "../core/platform/require-shared-infra.ts";
import { buildRuntime } from "../core/platform/runtime.ts";
import { onShutdown } from "../core/platform/shutdown.ts";
import type { createExchanges } from "../core/platform/trading-runtime.ts";
import { apiDepsFrom, serveApi } from "./serve.ts";

const env = loadEnvOrExit(process.env);
const problem = requireSharedInfra(env, "api");
if (problem) {
  console.error(problem);
  process.exit(1);
}
const logger = createLogger({
  pretty: env.NODE_ENV === "development" && process.stdout.isTTY,
  level: env.LOG_LEVEL,
  name: "mimic-api",
});
const rt = await buildRuntime(env, logger);
const queue = rt.redis?.queue;
if (!queue) throw new Error("unreachable: REDIS_URL is checked above");
// ccxt is imported the first time the admin API links an account (a pause of a few hundred ms, once), not at
// start: webhooks never need it, and it would double the heap every major collection walks.
let trading: Promise<ReturnType<typeof createExchanges>> | undefined;
const loadExchanges = async () => {
  // A failed load is not remembered: the next link tries again.
  trading ??= import("../core/platform/trading-runtime.ts")
    .then((m) => m.createExchanges(rt))
    .catch((err: unknown) => {
      trading = undefined;
      throw err;
    });
  return (await trading).exchanges;
};
const keyPermissions = lazyKeyPermissions(async () =>
  (await import("../core/exchange/ccxt-key-permissions.ts")).createCcxtKeyPermissions({
    urlOverrides: env.CCXT_URL_OVERRIDES,
    timeoutMs: env.EXCHANGE_TIMEOUT_MS,
  }),
);
// Telegram's webhook lands on this port; the bot runs apart (`npm run bot`), so the updates are queued for it.
const telegramWebhook =
  env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
    ? { path: new URL(env.TELEGRAM_WEBHOOK_URL).pathname, secret: env.TELEGRAM_WEBHOOK_SECRET }
    : undefined;
const api = await serveApi(apiDepsFrom(rt, queue, { exchanges: loadExchanges, keyPermissions, telegramWebhook }), {
  host: env.HOST,
  port: env.PORT,
});
logger.info({ url: api.url, telegramWebhook: telegramWebhook?.path ?? "off" }, "api is up");
onShutdown(logger, [api.close, async () => (await trading)?.close(), rt.close]);
