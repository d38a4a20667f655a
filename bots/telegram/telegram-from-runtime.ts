import { paymentsFromEnv } from "../../core/billing/plisio/payments-from-env.ts";
import { referralsFromEnv } from "../../core/billing/referrals/referrals-config.ts";
import { termsGateFromEnv } from "../../core/community/terms/terms-gate.ts";
import { createCcxtKeyPermissions } from "../../core/exchange/ccxt-key-permissions.ts";
import { venueProfiles } from "../../core/exchange/venue-profiles.ts";
import type { JobQueue } from "../../core/platform/jobs.ts";
import type { TradingRuntime } from "../../core/platform/trading-runtime.ts";
import type { BotDeps } from "./bot-deps.ts";
import type { TelegramOptions } from "./start-telegram.ts";

/**
 * Options and dependencies of the bot from the environment the entry point parsed; null without a token.
 * `webhookVia`: how webhook updates reach this process: the entry point's own server ("http", `npm start`) or the
 * queue `npm run api` fills ("queue", `npm run bot`).
 */
export function telegramFromRuntime(
  rt: TradingRuntime,
  queue: JobQueue,
  webhookVia: "http" | "queue" = "http",
): { options: TelegramOptions; deps: BotDeps & { queue: JobQueue } } | null {
  const { env } = rt;
  if (!env.TELEGRAM_BOT_TOKEN) return null;
  return {
    options: {
      token: env.TELEGRAM_BOT_TOKEN,
      apiRoot: env.TELEGRAM_API_ROOT,
      webhook:
        env.TELEGRAM_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
          ? { url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET, via: webhookVia }
          : undefined,
      notifySweepMs: env.TELEGRAM_NOTIFY_SWEEP_MS,
    },
    deps: {
      db: rt.db.prisma,
      cipher: rt.cipher,
      exchanges: rt.exchanges,
      keyPermissions: createCcxtKeyPermissions({
        urlOverrides: env.CCXT_URL_OVERRIDES,
        timeoutMs: env.EXCHANGE_TIMEOUT_MS,
      }),
      clock: rt.clock,
      logger: rt.logger.child({ bot: "telegram" }),
      linkableExchanges: ["paper", ...venueProfiles.keys()],
      totpIssuer: "Mimic",
      terms: termsGateFromEnv(env),
      payments: paymentsFromEnv(env, rt.logger.child({ bot: "telegram" })),
      referrals: referralsFromEnv(env),
      queue,
      // Read by panicCloseAll: the trades a /panic closes show on the admin page live.
      ...{ events: rt.liveEvents },
    },
  };
}
