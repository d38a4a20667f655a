import { createHmac } from "node:crypto";

/**
 * Signs a callback body as Plisio does with `?json=true`: HMAC-SHA1, keyed with the shop's secret key, of
 * JSON.stringify of every field but verify_hash in the order they are sent, as hex. Written apart from
 * core/billing/plisio so that the verifier is tested against an independent signer.
 */
export function signPlisioCallback(fields: Record<string, unknown>, secretKey: string): Record<string, unknown> {
  const { verify_hash: _dropped, ...rest } = fields;
  const verify_hash = createHmac("sha1", secretKey).update(JSON.stringify(rest)).digest("hex");
  return { ...rest, verify_hash };
}
