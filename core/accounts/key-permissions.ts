import type { ExchangeCredentials } from "../exchange/exchange.ts";

/**
 * Asks an exchange what an API key may do. `canWithdraw` is null where the exchange does not tell us
 * (then the key is accepted, and the user was told to create it trade-only).
 */
export interface KeyPermissionProbe {
  canWithdraw(exchangeId: string, credentials: ExchangeCredentials): Promise<boolean | null>;
}

export const unknownKeyPermissions: KeyPermissionProbe = { canWithdraw: async () => null };

/**
 * A probe loaded on its first use, so that a process which seldom links accounts (the API) imports ccxt only
 * then. A failed load is not remembered: the next link tries again.
 */
export function lazyKeyPermissions(load: () => Promise<KeyPermissionProbe>): KeyPermissionProbe {
  let probe: Promise<KeyPermissionProbe> | undefined;
  return {
    async canWithdraw(exchangeId, credentials) {
      probe ??= load().catch((err: unknown) => {
        probe = undefined;
        throw err;
      });
      return (await probe).canWithdraw(exchangeId, credentials);
    },
  };
}
