import { z } from "zod";
import { countryByCode } from "../community/terms/countries.ts";
import { AppError } from "./errors.ts";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    HOST: z.string().default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url({ error: "must be an absolute URL such as https://mimic.example.com" }).optional(),
    DATA_DIR: z.string().default(".data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" })
        .optional(),
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, { error: "must be a redis:// or rediss:// URL" })
        .optional(),
    ),
    // Namespaces BullMQ's keys, so several deployments (or test runs) can share one Redis.
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, { error: "use letters, digits, _ and -" })
      .default("mimic"),
    MASTER_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9+/]{43}=$/, { error: "must be 32 random bytes in base64 (openssl rand -base64 32)" })
        .optional(),
    ),
    MASTER_KEY_PREVIOUS: optionalString,
    ADMIN_TOKEN: optionalString.pipe(z.string().min(24, { error: "must be at least 24 characters" }).optional()),
    // Executions in flight per worker: each waits on the exchange most of its time (docs/performance.md).
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(256),
    // Scheduling priority (nice) of `npm run worker` processes: on a host shared with the API, a fan-out then
    // never delays a webhook's acknowledgement.
    WORKER_NICE: z.coerce.number().int().min(0).max(19).default(5),
    // The nice of the worker's session (Linux autogroup) when the worker leads one; 0 leaves it alone. Acks
    // under a fan-out get faster, the first order slower (worker/lower-priority.ts, docs/performance.md).
    WORKER_SESSION_NICE: z.coerce.number().int().min(0).max(19).default(0),
    // A dead worker's jobs are re-run once their lock has expired and a stalled check has seen it.
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
    // Re-enqueues work a lost queue forgot (see core/copying/resume-unfinished-work.ts); 0 turns the sweep off.
    RESUME_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    RESUME_SWEEP_STALE_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
    SIGNAL_DEDUPE_WINDOW_SEC: z.coerce.number().int().min(1).max(3600).default(30),
    CCXT_URL_OVERRIDES: optionalString.pipe(
      z
        .string()
        .transform((v, ctx) => {
          try {
            return z.record(z.string(), z.url()).parse(JSON.parse(v));
          } catch {
            ctx.addIssue({ code: "custom", message: 'must be JSON like {"binanceusdm":"http://127.0.0.1:9999"}' });
            return z.NEVER;
          }
        })
        .optional(),
    ),
    EXCHANGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    PAPER_PRICES: optionalString.pipe(
      z
        .string()
        .transform((v, ctx) => {
          try {
            return z.record(z.string(), z.string().regex(/^\d+(\.\d+)?$/)).parse(JSON.parse(v));
          } catch {
            ctx.addIssue({ code: "custom", message: 'must be JSON like {"BTC/USDT:USDT":"65000"}' });
            return z.NEVER;
          }
        })
        .optional(),
    ),
    // A real venue whose public price paper accounts fill and trigger at (ccxt id; honours CCXT_URL_OVERRIDES).
    // Set it empty for none: paper orders then fill at PAPER_PRICES, else at the signal's price.
    PAPER_PRICE_VENUE: z
      .string()
      .trim()
      .regex(/^[a-z0-9]*$/, { error: "must be a ccxt exchange id such as binanceusdm, or empty" })
      .default("binanceusdm"),
    // How often resting paper TP/SL are checked against the price.
    PAPER_TICK_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
    // How often each account's open trades are compared with the exchange (TP/SL fills, liquidations, manual
    // closes); accounts are spread over the interval. 0 turns reconciliation off.
    RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
    TELEGRAM_BOT_TOKEN: optionalString,
    // A self-hosted Bot API server (https://github.com/tdlib/telegram-bot-api); Telegram's own when unset.
    TELEGRAM_API_ROOT: optionalString.pipe(z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional()),
    // Set: Telegram pushes updates to this public URL (served by the API); unset: the bot long-polls.
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(
      z.url({ error: "must be the public https URL of the webhook" }).optional(),
    ),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: "16-256 characters of A-Z a-z 0-9 _ -" })
        .optional(),
    ),
    // How often finished executions are turned into Telegram messages.
    TELEGRAM_NOTIFY_SWEEP_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
    DISCORD_BOT_TOKEN: optionalString,
    // Discord's REST base (discord.js `rest.api`); the gateway URL comes from its GET /gateway/bot. A proxy or a
    // test's fake sets it.
    DISCORD_API_ROOT: optionalString
      .pipe(z.url({ error: "must be a URL such as https://discord.com/api" }).optional())
      .transform((v) => (v ?? "https://discord.com/api").replace(/\/+$/, "")),
    // Set: slash commands are registered in this guild only (instant, for development); unset: globally.
    DISCORD_GUILD_ID: optionalString.pipe(
      z
        .string()
        .regex(/^\d{5,25}$/, { error: "must be a guild id (a snowflake: digits)" })
        .optional(),
    ),
    // Discord user ids of Mimic's admins, comma-separated: they may bind any strategy's channels.
    DISCORD_ADMIN_IDS: optionalString
      .transform((v) =>
        v
          ? v
              .split(",")
              .map((id) => id.trim())
              .filter(Boolean)
          : [],
      )
      .pipe(z.array(z.string().regex(/^\d{5,25}$/, { error: "must be comma-separated Discord user ids" }))),
    // ISO 3166-1 alpha-2 codes, comma-separated: residents of these may not link accounts or subscribe
    // (core/community/terms). Unset: every country is served.
    BLOCKED_COUNTRIES: optionalString
      .transform((v) =>
        v
          ? v
              .split(",")
              .map((c) => c.trim().toUpperCase())
              .filter(Boolean)
          : [],
      )
      .pipe(
        z.array(
          z.string().refine((c) => countryByCode(c) !== null, {
            error: "must be comma-separated ISO 3166-1 alpha-2 country codes such as US,KP",
          }),
        ),
      ),
    // Where the bots link the full terms of service (docs/terms.md). Unset: SUPPORT_DOCS_URL's docs/terms.md, else
    // the repository's.
    TERMS_URL: optionalString.pipe(
      z.url({ error: "must be a URL such as https://mimic.example.com/terms" }).optional(),
    ),
    // Referrals (docs/payments.md): the referrer's share of a referred user's completed payment, for how many
    // months after that user's signup, how long it is held before it may be paid out, and the smallest payout.
    REFERRAL_COMMISSION_PERC: z.coerce.number().min(0).max(100).default(20),
    REFERRAL_MONTHS: z.coerce.number().int().min(0).max(1200).default(12),
    REFERRAL_HOLD_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
    PAYOUT_MIN_USD: z.coerce.number().min(0).default(50),
    // The Telegram bot's username for referral links when the process has no bot to ask (the API's /r/:code).
    TELEGRAM_BOT_USERNAME: optionalString.pipe(
      z
        .string()
        .regex(/^@?\w{5,32}$/, { error: "must be the bot's username, such as MimicBot" })
        .transform((v) => v.replace(/^@/, ""))
        .optional(),
    ),
    // Plisio (docs/payments.md): the secret key signs both our invoice requests and its callbacks. Unset: /plans
    // lists plans and says payments are not configured.
    PLISIO_SECRET_KEY: optionalString,
    PLISIO_API_ROOT: optionalString
      .pipe(z.url({ error: "must be a URL such as https://api.plisio.net/api/v1" }).optional())
      .transform((v) => (v ?? "https://api.plisio.net/api/v1").replace(/\/+$/, "")),
    // How long an invoice may be paid; past it Plisio reports it expired.
    PLISIO_EXPIRE_MIN: z.coerce.number().int().min(10).max(10_080).default(60),
    // Plans (docs/payments.md): hours after a plan's end before its premium subscriptions stop opening trades.
    PLAN_GRACE_HOURS: z.coerce.number().min(0).max(8760).default(24),
    RUN_MIGRATIONS: booleanish.default(true),
    // Bearer token for GET /metrics (the API's and WORKER_METRICS_PORT's). Unset: served to loopback clients only.
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, { error: "must be at least 16 characters" }).optional()),
    // Port on which a worker (or a bot run apart) serves its own /metrics; unset: none.
    WORKER_METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).optional()),
    // Support (docs/support.md). Unset key: keyword (BM25) retrieval and no call to any model.
    OPENAI_API_KEY: optionalString,
    // Any OpenAI-compatible server (Ollama, vLLM, a proxy); OpenAI's own when unset.
    OPENAI_BASE_URL: optionalString.pipe(
      z.url({ error: "must be a URL such as http://127.0.0.1:11434/v1" }).optional(),
    ),
    OPENAI_EMBEDDING_MODEL: optionalString.transform((v) => v ?? "text-embedding-3-small"),
    // The chat model that answers support questions (structured output).
    OPENAI_MODEL: optionalString.transform((v) => v ?? "gpt-4o-mini"),
    // Answers the model is less sure of than this open a ticket for a human.
    SUPPORT_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),
    // Questions one follower may ask per hour: each one costs a model call.
    SUPPORT_QUESTIONS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
    // Where new tickets are announced to admins: a Telegram chat id, a Discord channel id (either, both or none).
    SUPPORT_ADMIN_TELEGRAM_CHAT: optionalString.pipe(
      z
        .string()
        .regex(/^-?\d{1,20}$|^@\w{5,32}$/, { error: "must be a Telegram chat id (digits, - for groups) or @channel" })
        .optional(),
    ),
    SUPPORT_ADMIN_DISCORD_CHANNEL: optionalString.pipe(
      z
        .string()
        .regex(/^\d{5,25}$/, { error: "must be a Discord channel id (digits)" })
        .optional(),
    ),
    // Where docs/ can be read in a browser (e.g. https://github.com/you/mimic/blob/main): answers link their
    // sources under it. Unset: sources are shown as paths.
    SUPPORT_DOCS_URL: optionalString.pipe(
      z.url({ error: "must be a URL such as https://github.com/you/mimic/blob/main" }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message: "is required with TELEGRAM_WEBHOOK_URL",
      });
    }
    if (env.NODE_ENV !== "production") return;
    for (const key of ["MASTER_KEY", "ADMIN_TOKEN"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when NODE_ENV=production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; a bad value stops start-up with the variable's name and what it wants. */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new AppError("CONFIG_INVALID", `Invalid configuration:\n${lines.join("\n")}`);
}

/** For entry points: a bad configuration prints what is wrong and exits before anything starts. */
export function loadEnvOrExit(source: Record<string, string | undefined>): Env {
  try {
    return loadEnv(source);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
