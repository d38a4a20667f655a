import { describe, expect, it } from "vitest";
import { generatePassphrase, hashPassphrase, verifyPassphrase } from "./passphrase.ts";

describe("webhook passphrase", () => {
  it("stores only a salted hash and verifies", () => {
    const passphrase = generatePassphrase();
    const stored = hashPassphrase(passphrase);
    expect(stored).not.toContain(passphrase);
    expect(verifyPassphrase(passphrase, stored)).toBe(true);
    expect(verifyPassphrase(`${passphrase}x`, stored)).toBe(false);
    expect(verifyPassphrase("", stored)).toBe(false);
    expect(hashPassphrase(passphrase)).not.toBe(stored);
  });

  it("rejects a malformed stored hash", () => {
    expect(verifyPassphrase("x", "plain")).toBe(false);
  });
});
