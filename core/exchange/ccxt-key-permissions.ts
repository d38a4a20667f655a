import ccxt, { type Exchange } from "ccxt";
import type { KeyPermissionProbe } from "../accounts/key-permissions.ts";
import { applyUrlOverride } from "./ccxt-url-override.ts";
import { mapCcxtError } from "./map-ccxt-error.ts";

// Venues whose key permissions ccxt can read. Binance answers on its spot API (sapi), which USDⓈ-M keys share;
// Bybit lists a key's permissions per area, withdrawing being "Withdraw" under "Wallet" (master accounts only).
const probes: Record<string, (ex: Exchange) => Promise<boolean>> = {
  binanceusdm: async (ex) => {
    const r = await (
      ex as unknown as { sapiGetAccountApiRestrictions(): Promise<Record<string, unknown>> }
    ).sapiGetAccountApiRestrictions();
    return r.enableWithdrawals === true || r.enableWithdrawals === "true";
  },
  bybit: async (ex) => {
    const r = await (
      ex as unknown as { privateGetV5UserQueryApi(): Promise<{ result?: { permissions?: { Wallet?: unknown } } }> }
    ).privateGetV5UserQueryApi();
    const wallet = r.result?.permissions?.Wallet;
    return Array.isArray(wallet) && wallet.includes("Withdraw");
  },
};

/**
 * Reads API key permissions with a throw-away ccxt instance: linking is rare, so the pooled trading
 * instances are left alone.
 */
export function createCcxtKeyPermissions(opts: {
  urlOverrides?: Record<string, string>;
  timeoutMs?: number;
}): KeyPermissionProbe {
  return {
    async canWithdraw(exchangeId, credentials) {
      const probe = probes[exchangeId];
      const ExchangeClass = (ccxt as unknown as Record<string, new (config: object) => Exchange>)[exchangeId];
      if (!probe || !ExchangeClass) return null;
      const ex = new ExchangeClass({ ...credentials, timeout: opts.timeoutMs ?? 10_000, enableRateLimit: false });
      const override = opts.urlOverrides?.[exchangeId];
      if (override) applyUrlOverride(ex, override);
      try {
        return await probe(ex);
      } catch (err) {
        throw mapCcxtError(err, {
          exchangeId,
          operation: "fetchKeyPermissions",
          redact: [credentials.apiKey, credentials.secret, credentials.password],
        });
      }
    },
  };
}
