import { describe, expect, it } from "vitest";
import { generateMasterKey } from "../platform/secrets.ts";
import { createCredentialCipher } from "./credential-cipher.ts";

describe("credential cipher", () => {
  const masterKey = generateMasterKey();

  it("round-trips and never contains the plaintext", () => {
    const cipher = createCredentialCipher({ masterKey });
    const plaintext = JSON.stringify({ apiKey: "AKIAEXAMPLE", secret: "s3cr3t-value" });
    const { envelope, keyId } = cipher.seal(plaintext);
    expect(keyId).toBe(cipher.currentKeyId);
    expect(envelope).not.toContain("s3cr3t");
    expect(envelope.startsWith(`v1:${keyId}:`)).toBe(true);
    expect(cipher.open(envelope)).toBe(plaintext);
  });

  it("uses a fresh IV each time", () => {
    const cipher = createCredentialCipher({ masterKey });
    expect(cipher.seal("same").envelope).not.toBe(cipher.seal("same").envelope);
  });

  it("opens envelopes sealed under a previous key after rotation", () => {
    const old = createCredentialCipher({ masterKey });
    const { envelope } = old.seal("legacy");
    const rotated = createCredentialCipher({ masterKey: generateMasterKey(), previousKeys: [masterKey] });
    expect(rotated.open(envelope)).toBe("legacy");
    expect(rotated.seal("new").keyId).not.toBe(old.currentKeyId);
  });

  it("rejects tampering and unknown keys", () => {
    const cipher = createCredentialCipher({ masterKey });
    const { envelope } = cipher.seal("value");
    const parts = envelope.split(":");
    const last = parts[4] ?? "";
    parts[4] = (last[0] === "A" ? "B" : "A") + last.slice(1);
    expect(() => cipher.open(parts.join(":"))).toThrowError(/failed authentication/);
    expect(() => createCredentialCipher({ masterKey: generateMasterKey() }).open(envelope)).toThrowError(
      /unknown master key/,
    );
  });
});
