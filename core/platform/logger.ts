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

export function createLogger(
  opts: { level?: string; name?: string; pretty?: boolean; destination?: NodeJS.WritableStream } = {},
): Logger {
  const options = {
    name: opts.name ?? "mimic",
    level: opts.level ?? "info",
    redact: { paths: redactPaths, censor: "[redacted]" },
  };
  if (opts.pretty) {
    try {
      // Humans at a terminal get readable lines; pipes and production get JSON.
      return pino({ ...options, transport: { target: "pino-pretty", options: { ignore: "pid,hostname" } } });
    } catch {
      // pino-pretty is a dev dependency; without it, plain JSON.
    }
  }
  // Asynchronous writes: a fan-out logs per follower, and a synchronous write to a slow pipe stalls the loop.
  return pino(options, opts.destination ?? pino.destination({ sync: false }));
}

/** A logger that drops everything: the default for code under test. */
export const silentLogger: Logger = pino({ level: "silent" });
