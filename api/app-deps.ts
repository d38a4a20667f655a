import type { Logger } from "pino";
import type { CredentialCipher } from "../core/accounts/credential-cipher.ts";
import type { KeyPermissionProbe } from "../core/accounts/key-permissions.ts";
import type { ExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { DbClient } from "../core/platform/db-client.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import type { Sql } from "../core/platform/sql.ts";
import type { StrategyLookup } from "../core/strategies/strategy-lookup.ts";
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
  dedupeWindowSec: number;
  dbPing: () => Promise<boolean>;
  background: BackgroundWork;
  /**
   * Set in the split deployment (`npm run api` with TELEGRAM_WEBHOOK_URL): Telegram's updates are taken on this
   * path and queued for `npm run bot`. Unset under `npm start`, where the bot in the same process serves the path.
   */
  telegramWebhook?: { path: string; secret: string };
}

export interface AppEnv {
  Variables: { logger: Logger; requestId: string };
}
