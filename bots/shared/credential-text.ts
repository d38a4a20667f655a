import { z } from "zod";

// What /link accepts as API key, secret and passphrase, in every bot, before anything reaches the exchange: one
// part per chat message in Telegram (features/link-account.ts), one form in Discord (commands/link.ts). Issue
// messages are wording keys (locales/*/link.ftl), so each transport says them in the user's language.

/** An API key or passphrase as pasted into a chat or a form: one token, no spaces. */
export const credentialText = z
  .string()
  .trim()
  .min(8, { error: "link-problem-too-short" })
  .max(512, { error: "link-problem-too-long" })
  .regex(/^\S+$/, { error: "link-problem-spaces" });

// Binance (and others) also issue Ed25519 and RSA keys: the secret is then the private key, a PEM block with
// spaces in its header and line breaks in its body. A 4096-bit RSA key in PKCS#8 is about 3,300 characters.
const PEM = /^-----BEGIN ([A-Z ]*)PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END \1PRIVATE KEY-----$/;

/** The secret: a token as above, or a private key in PEM (line breaks as the chat or form delivered them). */
export const secretText = z.string().transform((raw, ctx) => {
  const text = raw.trim().replace(/\r\n?/g, "\n");
  if (text.startsWith("-----BEGIN")) {
    const pem = text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .join("\n");
    if (pem.length <= 8192 && PEM.test(pem)) return `${pem}\n`;
    ctx.addIssue({ code: "custom", message: "link-problem-pem" });
    return z.NEVER;
  }
  const token = credentialText.safeParse(text);
  if (token.success) return token.data;
  ctx.addIssue({ code: "custom", message: token.error.issues[0]?.message ?? "link-problem-other" });
  return z.NEVER;
});

const PROBLEMS = new Set([
  "link-problem-too-short",
  "link-problem-too-long",
  "link-problem-spaces",
  "link-problem-pem",
  "link-problem-other",
]);

/** The wording key of what is wrong with a pasted credential. */
export const credentialProblem = (error: z.ZodError): string => {
  const message = error.issues[0]?.message ?? "";
  return PROBLEMS.has(message) ? message : "link-problem-other";
};
