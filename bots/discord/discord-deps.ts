import type { Logger } from "pino";
import type { CredentialCipher } from "../../core/accounts/credential-cipher.ts";
import type { KeyPermissionProbe } from "../../core/accounts/key-permissions.ts";
import type { PaymentsConfig } from "../../core/billing/plisio/buy-plan.ts";
import type { ReferralsConfig } from "../../core/billing/referrals/referrals-config.ts";
import type { TermsGate } from "../../core/community/terms/terms-gate.ts";
import type { ExchangeResolver } from "../../core/exchange/exchange-resolver.ts";
import type { Clock } from "../../core/platform/clock.ts";
import type { DbClient } from "../../core/platform/db-client.ts";
import type { JobQueue } from "../../core/platform/jobs.ts";
import type { Sql } from "../../core/platform/sql.ts";
import type { SupportDeps } from "../../core/support/support-types.ts";
import type { Translator } from "../shared/wording/translator.ts";

/** Everything the Discord bot's handlers use; built by the entry point (see discord-from-runtime.ts). */
export interface DiscordDeps {
  db: DbClient;
  cipher: CredentialCipher;
  exchanges: ExchangeResolver;
  keyPermissions: KeyPermissionProbe;
  clock: Clock;
  logger: Logger;
  /** The shared wording (locales/<lang>/*.ftl). */
  translator: Translator;
  /** Exchanges offered by /link, "paper" first. */
  linkableExchanges: string[];
  /** Shown in authenticator apps next to the account. */
  totpIssuer: string;
  /** Discord user ids of Mimic's admins (DISCORD_ADMIN_IDS): they may bind any strategy's channels. */
  adminIds: string[];
  /** Signals read in source channels are queued for fan-out here, like the webhook's (bots/discord/channels/). */
  queue: JobQueue;
  /** The pg pool Prisma uses, when there is one: the webhook's fast insert path for those signals. */
  sql?: Sql;
  /** SIGNAL_DEDUPE_WINDOW_SEC: what acceptSignal needs (source messages always carry an id, so it rarely matters). */
  dedupeWindowSec: number;
  /** What /ask and a DM answer with (core/support); the entry points always set it, tests of other commands not. */
  support?: SupportDeps;
  /**
   * The terms version, their link and BLOCKED_COUNTRIES (termsGateFromEnv); the entry points always set it. Unset,
   * the gate still asks for the current terms and a country, and blocks no country.
   */
  terms?: TermsGate;
  /** Plisio and where its callbacks go (paymentsFromEnv); unset or null, /plans lists plans and says payments are off. */
  payments?: PaymentsConfig | null;
  /** Referral terms and where links point (referralsFromEnv); unset, the defaults and no short link. */
  referrals?: ReferralsConfig;
}
