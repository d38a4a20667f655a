import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Plisio's signature of a JSON callback (`?json=true`): HMAC-SHA1, keyed with the shop's secret key, of
 * JSON.stringify of every field but `verify_hash`, in the order the fields arrived. JSON.parse keeps that order
 * for Plisio's keys (none of them is an integer-like name, which objects would sort first).
 */
export function plisioSignature(fields: Record<string, unknown>, secretKey: string): string {
  const { verify_hash: _signature, ...signed } = fields;
  return createHmac("sha1", secretKey).update(JSON.stringify(signed)).digest("hex");
}

const HEX_SHA1 = /^[0-9a-f]{40}$/i;

/** Whether `fields.verify_hash` is Plisio's signature of the rest; compared in constant time. */
export function verifyPlisioSignature(fields: Record<string, unknown>, secretKey: string): boolean {
  const given = fields.verify_hash;
  // A hash of the wrong shape fails before any comparison: timingSafeEqual wants equal lengths, and the
  // expected length is public (40 hex characters), so refusing early leaks nothing.
  if (typeof given !== "string" || !HEX_SHA1.test(given)) return false;
  const expected = Buffer.from(plisioSignature(fields, secretKey), "hex");
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}
