import type { Logger } from "pino";
import type { CredentialCipher } from "../../core/accounts/credential-cipher.ts";
import type { KeyPermissionProbe } from "../../core/accounts/key-permissions.ts";
import type { PaymentsConfig } from "../../core/billing/plisio/buy-plan.ts";
import type { ReferralsConfig } from "../../core/billing/referrals/referrals-config.ts";
import type { TermsGate } from "../../core/community/terms/terms-gate.ts";
import type { ExchangeResolver } from "../../core/exchange/exchange-resolver.ts";
import type { Clock } from "../../core/platform/clock.ts";
import type { DbClient } from "../../core/platform/db-client.ts";
import type { SupportDeps } from "../../core/support/support-types.ts";

/** Everything the bot's handlers use; built by the entry point. */
export interface BotDeps {
  db: DbClient;
  cipher: CredentialCipher;
  exchanges: ExchangeResolver;
  keyPermissions: KeyPermissionProbe;
  clock: Clock;
  logger: Logger;
  /** Exchanges offered by /link, "paper" first. */
  linkableExchanges: string[];
  /** Shown in authenticator apps next to the account. */
  totpIssuer: string;
  /**
   * What /support and a DM answer with (core/support); the entry points always set it. Unset (tests of other
   * features), a DM is answered as before support existed and /support says it is off.
   */
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
