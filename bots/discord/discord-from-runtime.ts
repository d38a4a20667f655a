import { paymentsFromEnv } from "../../core/billing/plisio/payments-from-env.ts";
import { referralsFromEnv } from "../../core/billing/referrals/referrals-config.ts";
import { termsGateFromEnv } from "../../core/community/terms/terms-gate.ts";
import { createCcxtKeyPermissions } from "../../core/exchange/ccxt-key-permissions.ts";
import { venueProfiles } from "../../core/exchange/venue-profiles.ts";
import type { JobQueue } from "../../core/platform/jobs.ts";
import type { TradingRuntime } from "../../core/platform/trading-runtime.ts";
import { wording } from "../shared/wording/translator.ts";
import type { DiscordDeps } from "./discord-deps.ts";
import type { DiscordOptions } from "./start-discord.ts";

/** Options and dependencies of the Discord bot from the environment the entry point parsed; null without a token. */
export function discordFromRuntime(
  rt: TradingRuntime,
  queue: JobQueue,
): { options: DiscordOptions; deps: DiscordDeps } | null {
  const { env } = rt;
  if (!env.DISCORD_BOT_TOKEN) return null;
  return {
    options: {
      token: env.DISCORD_BOT_TOKEN,
      apiRoot: env.DISCORD_API_ROOT,
      guildId: env.DISCORD_GUILD_ID,
      // The outbox sweep is the same for every transport (and idempotent): one setting for both bots.
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
      logger: rt.logger.child({ bot: "discord" }),
      translator: wording(),
      linkableExchanges: ["paper", ...venueProfiles.keys()],
      totpIssuer: "Mimic",
      adminIds: env.DISCORD_ADMIN_IDS,
      terms: termsGateFromEnv(env),
      payments: paymentsFromEnv(env, rt.logger.child({ bot: "discord" })),
      referrals: referralsFromEnv(env),
      queue,
      sql: rt.db.sql,
      dedupeWindowSec: env.SIGNAL_DEDUPE_WINDOW_SEC,
      // Read by recordSignal: a provider's signal from a source channel shows on the admin page live.
      ...{ events: rt.liveEvents },
    },
  };
}
