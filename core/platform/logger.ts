import { type Logger, pino } from "pino";

export type { Logger };

// Anything that could carry a secret is censored wherever it appears in a log object.
const redactPaths = [
  "apiKey",
  "secret",
  "password",
  "passphrase",
  "credentials",
  "authorization",
  "*.apiKey",
  "*.secret",
  "*.password",
  "*.passphrase",
  "*.credentials",
  "*.authorization",
  "req.headers.authorization",
  "body.passphrase",
];

export function createLogger(opts: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: opts.name ?? "mimic",
    level: opts.level ?? "info",
    redact: { paths: redactPaths, censor: "[redacted]" },
  });
}

/** A logger that drops everything: the default for code under test. */
export const silentLogger: Logger = pino({ level: "silent" });
