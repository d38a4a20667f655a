import { z } from "zod";

// What a /link form holds, checked before anything reaches the exchange. Issue messages are wording keys
// (locales/*/link.ftl). The rules are the Telegram bot's (bots/telegram/features/credential-text.ts); a form
// keeps line breaks, so a PEM private key arrives whole.

const token = z
  .string()
  .trim()
  .min(8, { error: "link-problem-too-short" })
  .max(512, { error: "link-problem-too-long" })
  .regex(/^\S+$/, { error: "link-problem-spaces" });

// Binance (and others) also issue Ed25519 and RSA keys: the secret is then the private key, a PEM block.
const PEM = /^-----BEGIN ([A-Z ]*)PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END \1PRIVATE KEY-----$/;

const secret = z.string().transform((raw, ctx) => {
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
  const parsed = token.safeParse(text);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "link-problem-other" });
  return z.NEVER;
});

export const linkFields = z.object({ key: token, secret, password: token.optional() });

const PROBLEMS = new Set([
  "link-problem-too-short",
  "link-problem-too-long",
  "link-problem-spaces",
  "link-problem-pem",
  "link-problem-other",
]);

/** The wording key of what is wrong with the form. */
export const linkFieldsProblem = (error: z.ZodError): string => {
  const message = error.issues[0]?.message ?? "";
  return PROBLEMS.has(message) ? message : "link-problem-other";
};
