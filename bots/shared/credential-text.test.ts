import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { credentialProblem, credentialText, secretText } from "./credential-text.ts";
import { wording } from "./wording/translator.ts";

const pem = (type: "ed25519" | "rsa") =>
  (type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 4096 }) : generateKeyPairSync("ed25519")).privateKey
    .export({ type: "pkcs8", format: "pem" })
    .toString();
const error = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("secretText", () => {
  it("takes an HMAC secret as the token it is", () => {
    expect(secretText.parse("  s3cr3t-Token-0123456789  ")).toBe("s3cr3t-Token-0123456789");
  });

  it.each(["ed25519", "rsa"] as const)("takes a %s private key, however the chat broke its lines", (type) => {
    const key = pem(type);
    expect(secretText.parse(key)).toBe(key);
    // Windows line ends, indentation and blank lines from a copy out of an editor or a PDF.
    const mangled = `\n  ${key.trim().split("\n").join("\r\n  \r\n")}  `;
    const parsed = secretText.parse(mangled);
    expect(parsed).toBe(key);
    expect(createPrivateKey(parsed).asymmetricKeyType).toBe(type);
  });

  it("refuses a private key cut short, and text with spaces that is not one", () => {
    const key = pem("ed25519");
    expect(error(secretText.safeParse(key.slice(0, key.length - 20)))).toBe("link-problem-pem");
    expect(error(secretText.safeParse(key.replace("-----END PRIVATE KEY-----", "")))).toBe("link-problem-pem");
    expect(error(secretText.safeParse("my secret is this"))).toBe("link-problem-spaces");
    expect(error(secretText.safeParse("short"))).toBe("link-problem-too-short");
  });
});

describe("credentialText", () => {
  it("says what is wrong as a wording key", () => {
    const t = wording().forLocale("en");
    const problem = credentialText.safeParse("short");
    expect(problem.success).toBe(false);
    if (!problem.success)
      expect(t(credentialProblem(problem.error))).toBe("that is too short to be an API key or secret");
    expect(error(credentialText.safeParse("x".repeat(600)))).toBe("link-problem-too-long");
  });

  it("keeps API keys and passphrases to one token", () => {
    expect(credentialText.parse("abcDEF123456")).toBe("abcDEF123456");
    expect(error(credentialText.safeParse(pem("ed25519")))).toBe("link-problem-spaces");
  });
});
