import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { referralSettingsFromEnv } from "../core/billing/referrals/referral-settings.ts";
import { migrationsDir } from "../core/platform/db/paths.ts";
import type { JobQueue } from "../core/platform/jobs.ts";
import { observeRuntime, processMetrics } from "../core/platform/metrics.ts";
import { createReadiness } from "../core/platform/readiness.ts";
import type { Runtime } from "../core/platform/runtime.ts";
import { createStrategyLookup } from "../core/strategies/strategy-lookup.ts";
import { createWebhookGuard } from "../core/strategies/webhook-guard.ts";
import { createApp } from "./app.ts";
import type { AppDeps } from "./app-deps.ts";
import { createBackgroundWork } from "./background-work.ts";

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export function serveApi(
  deps: AppDeps,
  // `mount`: routes of another transport served on the same port (`npm start`'s Telegram webhook, handled in
  // process; `npm run api` queues the updates instead, see `AppDeps.telegramWebhook`).
  opts: { host: string; port: number; mount?: Hono },
): Promise<RunningApi> {
  const stopping = new AbortController();
  const app = createApp({ ...deps, stopping: stopping.signal });
  if (opts.mount) app.route("/", opts.mount);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info) => {
      const host = info.address === "0.0.0.0" || info.address === "::" ? "localhost" : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // Stops accepting; requests in flight finish first, then the work they left running.
            server.close(() => void deps.background.settled().then(done));
            // Event streams never finish on their own: they end here, so that the close can complete.
            stopping.abort();
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
  });
}

export function apiDepsFrom(
  rt: Runtime,
  queue: JobQueue,
  // What differs by entry point: how ccxt is loaded, and whether Telegram's webhook is queued from here.
  parts: Pick<AppDeps, "exchanges" | "keyPermissions" | "telegramWebhook">,
): AppDeps {
  const metrics = processMetrics();
  observeRuntime(metrics, { db: rt.db.prisma, queue });
  return {
    db: rt.db.prisma,
    sql: rt.db.sql,
    strategies: createStrategyLookup(rt.db.prisma),
    queue,
    logger: rt.logger,
    clock: rt.clock,
    cipher: rt.cipher,
    exchanges: parts.exchanges,
    keyPermissions: parts.keyPermissions,
    adminToken: rt.adminToken,
    publicUrl: rt.env.PUBLIC_URL ?? `http://localhost:${rt.env.PORT}`,
    telegramBotUsername: rt.env.TELEGRAM_BOT_USERNAME,
    plisio: { secretKey: rt.env.PLISIO_SECRET_KEY, referrals: referralSettingsFromEnv(rt.env) },
    dedupeWindowSec: rt.env.SIGNAL_DEDUPE_WINDOW_SEC,
    dbPing: () => rt.db.ping(),
    background: createBackgroundWork(),
    telegramWebhook: parts.telegramWebhook,
    events: rt.liveEvents,
    secureCookies: rt.env.NODE_ENV === "production",
    metrics,
    metricsToken: rt.env.METRICS_TOKEN,
    ready: createReadiness({
      sql: rt.db.sql,
      dbPing: () => rt.db.ping(),
      queuePing: () => queue.ping(),
      migrationsDir,
    }),
    webhookGuard: createWebhookGuard(),
  };
}
