import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Webhook passphrases are 144 random bits, never user-chosen, so a slow KDF buys nothing against brute force
// and would eat the webhook's millisecond budget. A salted HMAC-SHA256 is enough; comparison is constant-time.
const SCHEME = "hmac-sha256";

export function generatePassphrase(): string {
  return randomBytes(18).toString("base64url");
}

function digest(passphrase: string, salt: Buffer): Buffer {
  return createHmac("sha256", salt).update(passphrase, "utf8").digest();
}

export function hashPassphrase(passphrase: string): string {
  const salt = randomBytes(16);
  return `${SCHEME}:${salt.toString("base64url")}:${digest(passphrase, salt).toString("base64url")}`;
}

export function verifyPassphrase(passphrase: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split(":");
  if (scheme !== SCHEME || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = digest(passphrase, Buffer.from(salt, "base64url"));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
