import type { ExchangeCredentials } from "../exchange/exchange.ts";

/**
 * Asks an exchange what an API key may do. `canWithdraw` is null where the exchange does not tell us
 * (then the key is accepted, and the user was told to create it trade-only).
 */
export interface KeyPermissionProbe {
  canWithdraw(exchangeId: string, credentials: ExchangeCredentials): Promise<boolean | null>;
}

export const unknownKeyPermissions: KeyPermissionProbe = { canWithdraw: async () => null };
