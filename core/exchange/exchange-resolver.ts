import type { CredentialCipher } from "../accounts/credential-cipher.ts";
import { AppError } from "../platform/errors.ts";
import type { ExchangeClient, ExchangeCredentials } from "./exchange.ts";
import { createPaperExchange, type PaperExchangeDeps } from "./paper-exchange.ts";

export interface CcxtClients {
  isSupported(exchangeId: string): boolean;
  /** Why an exchange is not supported, in words for the user; undefined when it is. */
  unsupportedReason?(exchangeId: string): string | undefined;
  forAccount(exchangeId: string, credentials: ExchangeCredentials): ExchangeClient;
  /** Starts fetching the symbol's last price on every venue in use, so the next followers find it cached. */
  warmPrice?(symbol: string): void;
}

export interface AccountRef {
  id: string;
  exchange: string;
  credentials: string | null;
}

/**
 * One part of a credential as a transport hands it over: the plaintext (typed into a form and never stored), or
 * an envelope the transport sealed with the credential cipher while it waited for the other parts.
 */
export type CredentialPart = string | { sealed: string };

export interface CredentialParts {
  apiKey: CredentialPart;
  secret: CredentialPart;
  password?: CredentialPart;
}

export interface ExchangeResolver {
  forAccount(account: AccountRef): ExchangeClient;
  forCredentials(exchangeId: string, credentials: ExchangeCredentials): ExchangeClient;
  isSupported(exchangeId: string): boolean;
  /** Why an exchange is not supported, e.g. `"xyz" cannot look up orders by client order id, ...`. */
  unsupportedReason?(exchangeId: string): string | undefined;
  /** Fire and forget: a price fetch that fails here is simply made again by the first follower. */
  warmPrice(symbol: string): void;
  /**
   * Plaintext credentials from the parts a transport holds, sealed or not: no transport decrypts anything itself.
   * Optional only so that test doubles need not implement it; the real resolver always has it.
   */
  openCredentials?(parts: CredentialParts): ExchangeCredentials;
}

/**
 * The one place credentials are decrypted: right before an exchange client is handed to the code that trades, and
 * when a transport hands over the sealed parts of a key being linked (`openCredentials`).
 */
export function createExchangeResolver(deps: {
  cipher: CredentialCipher;
  ccxt: CcxtClients;
  paper: PaperExchangeDeps;
}): ExchangeResolver {
  return {
    forAccount(account) {
      if (account.exchange === "paper") return createPaperExchange(account.id, deps.paper);
      if (!account.credentials) throw new AppError("INVALID_KEY", "this account has no API key stored");
      return deps.ccxt.forAccount(account.exchange, parseCredentials(deps.cipher.open(account.credentials)));
    },
    forCredentials(exchangeId, credentials) {
      return deps.ccxt.forAccount(exchangeId, credentials);
    },
    isSupported(exchangeId) {
      return exchangeId === "paper" || deps.ccxt.isSupported(exchangeId);
    },
    unsupportedReason(exchangeId) {
      return exchangeId === "paper" ? undefined : deps.ccxt.unsupportedReason?.(exchangeId);
    },
    warmPrice(symbol) {
      deps.ccxt.warmPrice?.(symbol);
    },
    openCredentials(parts) {
      const open = (part: CredentialPart) => (typeof part === "string" ? part : deps.cipher.open(part.sealed));
      return {
        apiKey: open(parts.apiKey),
        secret: open(parts.secret),
        password: parts.password === undefined ? undefined : open(parts.password),
      };
    },
  };
}

function parseCredentials(plaintext: string): ExchangeCredentials {
  const parsed = JSON.parse(plaintext) as Partial<ExchangeCredentials>;
  if (!parsed.apiKey || !parsed.secret) throw new AppError("INVALID_KEY", "stored credentials are incomplete");
  return { apiKey: parsed.apiKey, secret: parsed.secret, password: parsed.password };
}
