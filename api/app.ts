import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { adminPageRoutes } from "./admin-page/admin-page.tsx";
import type { AppDeps, AppEnv } from "./app-deps.ts";
import { handleError } from "./error-handler.ts";
import { adminRoutes } from "./routes/admin.ts";
import { adminAccountRoutes } from "./routes/admin-accounts.ts";
import { adminFollowerRoutes } from "./routes/admin-followers.ts";
import { adminGovernanceRoutes } from "./routes/admin-governance.ts";
import { adminSubscriptionRoutes } from "./routes/admin-subscriptions.ts";
import { adminSupportRoutes } from "./routes/admin-support.ts";
import { adminTournamentRoutes } from "./routes/admin-tournaments.ts";
import { adminTradeRoutes } from "./routes/admin-trades.ts";
import { healthRoutes } from "./routes/health.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { telegramWebhookRoutes } from "./routes/telegram-webhook.ts";
import { tradingviewWebhookRoutes } from "./routes/tradingview-webhook.ts";

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    const requestId = c.req.header("x-request-id") ?? randomUUID();
    c.set("requestId", requestId);
    c.set("logger", deps.logger.child({ requestId }));
    c.header("x-request-id", requestId);
    await next();
  });
  app.use(secureHeaders());
  app.onError(handleError);
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route" } }, 404));
  app.route("/", healthRoutes(deps));
  app.route("/", metricsRoutes(deps));
  app.route("/", tradingviewWebhookRoutes(deps));
  if (deps.telegramWebhook) app.route("/", telegramWebhookRoutes({ ...deps, webhook: deps.telegramWebhook }));
  app.route("/", adminRoutes(deps));
  app.route("/", adminTradeRoutes(deps));
  app.route("/", adminAccountRoutes(deps));
  app.route("/", adminFollowerRoutes(deps));
  app.route("/", adminPageRoutes(deps));
  app.route("/", adminSubscriptionRoutes(deps));
  app.route("/", adminSupportRoutes(deps));
  app.route("/", adminTournamentRoutes(deps));
  app.route("/", adminGovernanceRoutes(deps));
  return app;
}
