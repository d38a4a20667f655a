import { type Context, Hono } from "hono";
import { z } from "zod";
import { writeAdminAudit } from "../../core/admin/audit.ts";
import { closeTradeAsAdmin } from "../../core/admin/close-trade-as-admin.ts";
import { listAdminStrategies, type StrategyStats } from "../../core/admin/list-admin-strategies.ts";
import { setStrategyPaused } from "../../core/admin/set-strategy-paused.ts";
import { setSubscriptionStatus } from "../../core/admin/set-subscription-status.ts";
import { setUserDisabled } from "../../core/admin/set-user-disabled.ts";
import { AppError } from "../../core/platform/errors.ts";
import { parseInput } from "../../core/platform/validation.ts";
import { createStrategy, rotatePassphrase } from "../../core/strategies/create-strategy.ts";
import { updateStrategy } from "../../core/strategies/update-strategy.ts";
import type { AppDeps } from "../app-deps.ts";
import type { AdminEnv } from "./admin-env.ts";
import { renderPage } from "./render.tsx";
import { type RevealedSecret, StrategiesView } from "./views/strategies-view.tsx";

const id = (what: string) => z.uuid({ error: `must be a ${what} id` });
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const newStrategyForm = z.object({
  name: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(100),
  slug: z.preprocess(blankToUndefined, z.string().trim().max(48).optional()),
  ownerUserId: z.preprocess(blankToUndefined, z.uuid({ error: "must be a user id" }).optional()),
});
const ownerForm = z.object({
  ownerUserId: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
    z.uuid({ error: "must be a user id" }).nullable(),
  ),
});

/**
 * Every action of the admin page: a POST from a form (CSRF-checked before it gets here), audited with the session
 * and its address, answered with a redirect to the page it came from, or, for a passphrase, a page that shows it
 * once (never in a URL).
 */
export function adminActionRoutes(deps: AppDeps & { stats?: () => Promise<StrategyStats> }) {
  const app = new Hono<AdminEnv>();
  const withWho = (c: { get(key: "who"): AdminEnv["Variables"]["who"] }) => ({ db: deps.db, who: c.get("who") });

  app.post("/admin/subscriptions/:id/:op{pause|resume}", async (c) => {
    const subscriptionId = parseInput(id("subscription"), c.req.param("id"));
    const paused = c.req.param("op") === "pause";
    const { userId } = await setSubscriptionStatus(
      { subscriptionId, status: paused ? "paused" : "active" },
      withWho(c),
    );
    return c.redirect(`/admin/followers/${userId}?done=${paused ? "paused" : "resumed"}`, 303);
  });

  app.post("/admin/followers/:id/:op{disable|enable}", async (c) => {
    const userId = parseInput(id("user"), c.req.param("id"));
    const disabled = c.req.param("op") === "disable";
    await setUserDisabled({ userId, disabled }, withWho(c));
    return c.redirect(`/admin/followers/${userId}?done=${disabled ? "disabled" : "enabled"}`, 303);
  });

  app.post("/admin/trades/:id/close", async (c) => {
    const tradeId = parseInput(id("trade"), c.req.param("id"));
    const sql = deps.sql;
    if (!sql) throw new AppError("CONFIG_INVALID", "closing a trade needs the SQL pool");
    const { userId } = await closeTradeAsAdmin(
      { tradeId },
      { ...withWho(c), sql, exchanges: deps.exchanges, logger: c.get("logger"), events: deps.events },
    );
    return c.redirect(`/admin/followers/${userId}?done=closing`, 303);
  });

  const strategiesPage = async (c: Context<AdminEnv>, revealed: RevealedSecret) => {
    const rows = await listAdminStrategies({}, deps);
    c.header("cache-control", "no-store");
    return renderPage(
      c,
      { title: "Strategies", section: "strategies" },
      <StrategiesView rows={rows} now={deps.clock.now()} revealed={revealed} />,
    );
  };
  const webhookUrl = (slug: string) => `${deps.publicUrl.replace(/\/$/, "")}/webhooks/tradingview/${slug}`;

  app.post("/admin/strategies", async (c) => {
    const form = parseInput(newStrategyForm, await c.req.parseBody());
    const strategy = await createStrategy(form, deps);
    await writeAdminAudit(
      { action: "admin.strategy.created", details: { strategyId: strategy.id, slug: strategy.slug } },
      withWho(c),
    );
    return strategiesPage(c, {
      strategy: form.name,
      passphrase: strategy.passphrase,
      webhookUrl: webhookUrl(strategy.slug),
    });
  });

  app.post("/admin/strategies/:id/passphrase", async (c) => {
    const strategyId = parseInput(id("strategy"), c.req.param("id"));
    const { slug, passphrase } = await rotatePassphrase({ strategyId }, deps);
    deps.strategies.forget(slug);
    await writeAdminAudit({ action: "admin.strategy.passphrase_rotated", details: { strategyId, slug } }, withWho(c));
    return strategiesPage(c, { strategy: slug, passphrase, webhookUrl: webhookUrl(slug) });
  });

  app.post("/admin/strategies/:id/owner", async (c) => {
    const strategyId = parseInput(id("strategy"), c.req.param("id"));
    const { ownerUserId } = parseInput(ownerForm, await c.req.parseBody());
    await updateStrategy({ strategyId, ownerUserId }, deps);
    await writeAdminAudit(
      { action: "admin.strategy.owner_set", userId: ownerUserId, details: { strategyId, ownerUserId } },
      withWho(c),
    );
    return c.redirect("/admin/strategies?done=owner", 303);
  });

  app.post("/admin/strategies/:id/:op{pause|resume}", async (c) => {
    const strategyId = parseInput(id("strategy"), c.req.param("id"));
    const paused = c.req.param("op") === "pause";
    await setStrategyPaused({ strategyId, paused }, withWho(c));
    return c.redirect(`/admin/strategies?done=${paused ? "strategy-paused" : "strategy-resumed"}`, 303);
  });

  return app;
}
