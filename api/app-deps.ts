import type { Logger } from "pino";
import type { CredentialCipher } from "../core/accounts/credential-cipher.ts";
import type { KeyPermissionProbe } from "../core/accounts/key-permissions.ts";
import type { ReferralSettings } from "../core/billing/referrals/referral-settings.ts";
import type { ExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import type { LiveEvents } from "../core/platform/live-events.ts";
import type { Metrics } from "../core/platform/metrics.ts";
import type { Readiness } from "../core/platform/readiness.ts";
import type { Sql } from "../core/platform/sql.ts";
import type { StrategyLookup } from "../core/strategies/strategy-lookup.ts";
import type { WebhookGuard } from "../core/strategies/webhook-guard.ts";
import type { BackgroundWork } from "./background-work.ts";

export interface AppDeps {
  db: DbClient;
  sql?: Sql;
  strategies: StrategyLookup;
  queue: JobQueue;
  logger: Logger;
  clock: Clock;
  cipher: CredentialCipher;
  /**
   * Exchange clients, for the admin API's account linking only. A loader, so that the API process imports ccxt
   * the first time an account is linked through it rather than at start (see `createExchanges`).
   */
  exchanges: () => Promise<ExchangeResolver>;
  /** Whether an API key can withdraw, asked by every account link; ccxt-backed, so loaded lazily too. */
  keyPermissions: KeyPermissionProbe;
  adminToken: string;
  /** Base for the webhook URLs we hand out, e.g. https://mimic.example.com. */
  publicUrl: string;
  /** TELEGRAM_BOT_USERNAME: where referral short links (/r/:code) send visitors; unset: they are told what to type. */
  telegramBotUsername?: string;
  /**
   * POST /webhooks/plisio: PLISIO_SECRET_KEY verifies Plisio's callbacks (unset: they are refused with 500, so Plisio
   * retries once the key is set), and the referral terms a completed payment's commission is recorded under.
   */
  plisio?: { secretKey?: string; referrals?: ReferralSettings };
  dedupeWindowSec: number;
  dbPing: () => Promise<boolean>;
  background: BackgroundWork;
  /**
   * Set in the split deployment (`npm run api` with TELEGRAM_WEBHOOK_URL): Telegram's updates are taken on this
   * path and queued for `npm run bot`. Unset under `npm start`, where the bot in the same process serves the path.
   */
  telegramWebhook?: { path: string; secret: string };
  /** New signals (the webhook announces them) and what workers announce: the admin page's live updates. */
  events?: LiveEvents;
  /** The admin session cookie is Secure (NODE_ENV=production). */
  secureCookies?: boolean;
  /** Aborted when the server stops: long-lived responses (the admin page's event streams) end then. */
  stopping?: AbortSignal;
  /** This process's metrics, served on /metrics; absent: no such route. */
  metrics?: Metrics;
  /** Bearer token for /metrics; unset: loopback clients only. */
  metricsToken?: string;
  /** GET /ready: migrations applied, database and queue answering. */
  ready?: () => Promise<Readiness>;
  /** Failed webhook passphrases per strategy and sender (429 past the limit); absent: no limit. */
  webhookGuard?: WebhookGuard;
}

export interface AppEnv {
  Variables: { logger: Logger; requestId: string };
}
