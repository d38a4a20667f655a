import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "../platform/errors.ts";

// Envelope: "v1:<keyId>:<iv>:<tag>:<ciphertext>" (base64url parts). The key id names which master key
// sealed it, so keys can be rotated: new writes use the current key, old rows still open with a previous one.
const VERSION = "v1";

export interface CredentialCipher {
  readonly currentKeyId: string;
  seal(plaintext: string): { envelope: string; keyId: string };
  open(envelope: string): string;
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

function parseKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new AppError("CONFIG_INVALID", "master keys must be 32 bytes (base64)");
  return key;
}

export function createCredentialCipher(opts: { masterKey: string; previousKeys?: string[] }): CredentialCipher {
  const current = parseKey(opts.masterKey);
  const currentKeyId = keyIdOf(current);
  const keys = new Map<string, Buffer>([[currentKeyId, current]]);
  for (const previous of opts.previousKeys ?? []) {
    const key = parseKey(previous);
    keys.set(keyIdOf(key), key);
  }

  return {
    currentKeyId,
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      // Binding the key id as AAD stops an envelope from being relabelled to another key.
      cipher.setAAD(Buffer.from(currentKeyId));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      const parts = [VERSION, currentKeyId, iv.toString("base64url"), tag.toString("base64url")];
      return { envelope: [...parts, ciphertext.toString("base64url")].join(":"), keyId: currentKeyId };
    },
    open(envelope) {
      const [version, keyId, iv, tag, ciphertext] = envelope.split(":");
      if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) {
        throw new AppError("INTERNAL", "credential envelope is malformed");
      }
      const key = keys.get(keyId);
      if (!key) throw new AppError("INTERNAL", `credentials were sealed with unknown master key ${keyId}`);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch (err) {
        throw new AppError("INTERNAL", "credentials failed authentication (wrong key or tampered)", { cause: err });
      }
    },
  };
}
