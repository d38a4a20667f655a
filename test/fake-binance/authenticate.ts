import { binanceErrors } from "./binance-error.ts";
import type { Params } from "./order-params.ts";
import { extractSignature, verifySignature } from "./signature.ts";
import { type FakeAccount, FakeBinanceState } from "./state.ts";

export const DEFAULT_RECV_WINDOW = 5000;

export function recvWindowOf(params: Params): number {
  return params.recvWindow === undefined ? DEFAULT_RECV_WINDOW : Number(params.recvWindow);
}

/**
 * The checks of a SIGNED fapi endpoint, in Binance's order: key present, key known and active, signature,
 * timestamp inside recvWindow. Unregistered keys are accepted when auto-registration is on, provided the
 * request is signed with `secret-<apiKey>`; the account is created on that first valid request.
 */
export function authenticate(
  state: FakeBinanceState,
  apiKey: string | undefined,
  query: string,
  body: string,
  params: Params,
  now: number,
): FakeAccount {
  if (!apiKey) throw binanceErrors.keyFormat();
  const known = state.accounts.get(apiKey);
  if (known?.revoked) throw binanceErrors.invalidKey();
  if (!known && !state.autoRegisterKeys) throw binanceErrors.invalidKey();
  const secret = known ? known.secret : FakeBinanceState.impliedSecret(apiKey);
  if (!verifySignature(secret, extractSignature(query, body))) throw binanceErrors.invalidSignature();
  const timestamp = Number(params.timestamp);
  const recvWindow = recvWindowOf(params);
  if (!Number.isFinite(timestamp) || timestamp > now + 1000 || now - timestamp > recvWindow) {
    throw binanceErrors.timestamp();
  }
  return known ?? state.addKey(apiKey);
}
