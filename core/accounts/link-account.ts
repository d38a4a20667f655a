import type { Logger } from "pino";
import { assertAccountLimit } from "../billing/account-limit.ts";
import type { ExchangeCredentials } from "../exchange/exchange.ts";
import type { CredentialPart, CredentialParts, ExchangeResolver } from "../exchange/exchange-resolver.ts";
import type { DbClient } from "../platform/db-client.ts";
import type { Decimal } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import type { CredentialCipher } from "./credential-cipher.ts";
import type { KeyPermissionProbe } from "./key-permissions.ts";

export interface LinkAccountInput {
  userId: string;
  exchange: string;
  label?: string;
  /**
   * Each part in plaintext (the admin API, a Discord form: nothing was stored) or sealed with the credential
   * cipher (a chat that kept the parts in its session between messages). Only the exchange resolver opens them.
   */
  apiKey?: CredentialPart;
  secret?: CredentialPart;
  password?: CredentialPart;
  /** Paper accounts only: the simulated starting balance in USDT. */
  paperBalance?: Decimal;
}

export type { CredentialPart };

export const DEFAULT_PAPER_BALANCE = "10000";

/**
 * Links an exchange account, for every transport (chat, admin API). Live keys are proven with a balance call and
 * refused if the exchange says they can withdraw, before anything is saved; then they are sealed under the
 * master key, and the plaintext never reaches the database or a log.
 */
export async function linkAccount(
  input: LinkAccountInput,
  deps: {
    db: DbClient;
    cipher: CredentialCipher;
    exchanges: ExchangeResolver;
    logger: Logger;
    /** Required, so that no caller can link a key without asking whether it can withdraw. */
    keyPermissions: KeyPermissionProbe;
  },
): Promise<{ id: string }> {
  const { db } = deps;
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `user ${input.userId} does not exist`);
  await assertAccountLimit({ userId: user.id }, deps);
  if (!deps.exchanges.isSupported(input.exchange)) {
    const reason = deps.exchanges.unsupportedReason?.(input.exchange);
    throw new AppError("BAD_REQUEST", `exchange: ${reason ?? `"${input.exchange}" is not a supported exchange`}`, {
      details: { field: "exchange" },
    });
  }

  if (input.exchange === "paper") {
    const account = await db.exchangeAccount.create({
      data: {
        userId: user.id,
        exchange: "paper",
        label: input.label,
        paperBalance: { create: { wallet: (input.paperBalance ?? DEFAULT_PAPER_BALANCE).toString() } },
      },
      select: { id: true },
    });
    await audit(db, user.id, account.id, { exchange: "paper" });
    return account;
  }

  const required = (field: "apiKey" | "secret") =>
    new AppError("BAD_REQUEST", `${field}: is required for ${input.exchange}`, { details: { field } });
  if (!input.apiKey) throw required("apiKey");
  if (!input.secret) throw required("secret");
  const credentials = openCredentials(deps.exchanges, {
    apiKey: input.apiKey,
    secret: input.secret,
    password: input.password || undefined,
  });
  if (!credentials.apiKey) throw required("apiKey");
  if (!credentials.secret) throw required("secret");
  const exchange = deps.exchanges.forCredentials(input.exchange, credentials);
  await exchange.fetchBalance();
  // Mimic's orders carry no position side: on a hedge-mode account the exchange would refuse every one of them.
  if ((await exchange.positionMode()) === "hedge") {
    throw new AppError(
      "POSITION_MODE",
      "this account is in hedge (dual-side) position mode; Mimic trades one-way accounts only. Switch the futures position mode to one-way in the exchange's settings (no positions or orders may be open while you switch), then link it again",
    );
  }
  if ((await deps.keyPermissions.canWithdraw(input.exchange, credentials)) === true) {
    throw new AppError(
      "KEY_CAN_WITHDRAW",
      "this API key is allowed to withdraw funds; create a key with trading only (withdrawals off) and link that",
    );
  }

  const sealed = deps.cipher.seal(JSON.stringify(credentials));
  const account = await db.exchangeAccount.create({
    data: {
      userId: user.id,
      exchange: input.exchange,
      label: input.label,
      credentials: sealed.envelope,
      credentialKeyId: sealed.keyId,
    },
    select: { id: true },
  });
  await audit(db, user.id, account.id, { exchange: input.exchange });
  deps.logger.info({ accountId: account.id, exchange: input.exchange }, "exchange account linked");
  return account;
}

/** Plaintext parts pass as they are; sealed ones are opened by the exchange resolver, never here. */
function openCredentials(exchanges: ExchangeResolver, parts: CredentialParts): ExchangeCredentials {
  const { apiKey, secret, password } = parts;
  if (typeof apiKey === "string" && typeof secret === "string" && typeof password !== "object") {
    return { apiKey, secret, password };
  }
  if (!exchanges.openCredentials) {
    throw new AppError("INTERNAL", "sealed credentials were given, but this exchange resolver cannot open them");
  }
  return exchanges.openCredentials(parts);
}

function audit(db: DbClient, userId: string, accountId: string, details: Record<string, string>) {
  return db.auditLog.create({
    data: { userId, accountId, actor: `user:${userId}`, action: "account.linked", details },
  });
}
