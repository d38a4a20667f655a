import { Hono } from "hono";
import { z } from "zod";
import { followerDetail } from "../../core/admin/follower-detail.ts";
import { listAdminSignals } from "../../core/admin/list-admin-signals.ts";
import { listAdminStrategies, type StrategyStats } from "../../core/admin/list-admin-strategies.ts";
import { listAudit } from "../../core/admin/list-audit.ts";
import { listFollowers } from "../../core/admin/list-followers.ts";
import { type Overview, overview } from "../../core/admin/overview.ts";
import { signalDetail } from "../../core/admin/signal-detail.ts";
import { listPlans } from "../../core/billing/manage-plans.ts";
import { AppError } from "../../core/platform/errors.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps } from "../app-deps.ts";
import type { AdminEnv } from "./admin-env.ts";
import { renderPage } from "./render.tsx";
import { AuditView } from "./views/audit-view.tsx";
import { FollowerView } from "./views/follower-view.tsx";
import { FollowersView } from "./views/followers-view.tsx";
import { OverviewView } from "./views/overview-view.tsx";
import { PlansView } from "./views/plans-view.tsx";
import { SignalView } from "./views/signal-view.tsx";
import { SignalsView } from "./views/signals-view.tsx";
import { StrategiesView } from "./views/strategies-view.tsx";

const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);
const optionalUuid = z
  .union([z.uuid(), z.literal("")])
  .optional()
  .transform((v) => v || undefined);

const followersQuery = z.object({ page, q: text(100) });
const signalsQuery = z.object({
  page,
  strategy: optionalUuid,
  action: z.enum(["long", "short", "close"]).optional().catch(undefined),
  status: z.enum(["received", "dispatched"]).optional().catch(undefined),
  symbol: text(30),
});
const auditQuery = z.object({ page, action: text(100), actor: text(100), user: optionalUuid });
const idParam = (what: string) => z.uuid({ error: `must be a ${what} id` });

/** What a finished action says on the page it returns to: fixed words, so a URL cannot put text on the page. */
export const NOTICES: Record<string, string> = {
  paused: "Subscription paused.",
  resumed: "Subscription resumed.",
  disabled: "User disabled: every subscription is paused and the bots answer that the account is disabled.",
  enabled: "User enabled. Their subscriptions stay paused until resumed.",
  closing: "The trade is being closed (reason: admin).",
  "strategy-paused": "Strategy paused: its signals are recorded, not copied.",
  "strategy-resumed": "Strategy resumed.",
  owner: "Owner saved.",
};

/** The pages: overview, followers, a follower, strategies, signals, a signal, the audit log. All reads. */
export function adminViewRoutes(deps: AppDeps & { stats?: () => Promise<StrategyStats> }) {
  const app = new Hono<AdminEnv>();
  const now = () => deps.clock.now();
  // Jobs not done yet per queue (waiting, delayed, active), from the queue itself when it can tell.
  const depth = deps.queue.depth?.bind(deps.queue);
  const queueDepth = depth
    ? async () => {
        const out: Record<string, number> = {};
        for (const d of await depth()) {
          if (d.state === "completed" || d.state === "failed") continue;
          out[d.queue] = (out[d.queue] ?? 0) + d.count;
        }
        return out;
      }
    : undefined;
  // Every open overview re-reads on live updates (at most once a second each): one read a second serves them all.
  let lastOverview: { at: number; value: Promise<Overview> } | undefined;
  const sharedOverview = () => {
    const at = deps.clock.now().getTime();
    if (lastOverview && at - lastOverview.at < 1000 && at >= lastOverview.at) return lastOverview.value;
    const value = overview({}, { ...deps, queueDepth });
    lastOverview = { at, value };
    value.catch(() => {
      if (lastOverview?.value === value) lastOverview = undefined;
    });
    return value;
  };

  app.get("/admin", async (c) => {
    const o = await sharedOverview();
    return renderPage(
      c,
      { title: "Overview", section: "overview", live: "signals trades workers" },
      <OverviewView o={o} now={now()} />,
    );
  });

  app.get("/admin/followers", async (c) => {
    const { page: p, q } = parseInput(followersQuery, c.req.query());
    const list = await listFollowers({ page: p, q }, deps);
    return renderPage(
      c,
      { title: "Followers", section: "followers", live: "trades" },
      <FollowersView list={list} q={q} now={now()} />,
    );
  });

  app.get("/admin/followers/:id", async (c) => {
    const userId = parseInput(idParam("user"), c.req.param("id"));
    const f = await followerDetail({ userId }, deps);
    const notice = NOTICES[c.req.query("done") ?? ""];
    return renderPage(
      c,
      { title: f.displayName ?? "Follower", section: "followers", live: "trades signals" },
      <FollowerView f={f} now={now()} notice={notice} />,
    );
  });

  app.get("/admin/strategies", async (c) => {
    const [rows, plans] = await Promise.all([listAdminStrategies({}, deps), listPlans(deps)]);
    const notice = NOTICES[c.req.query("done") ?? ""];
    return renderPage(
      c,
      { title: "Strategies", section: "strategies" },
      <>
        <StrategiesView rows={rows} now={now()} notice={notice} />
        <PlansView plans={plans} />
      </>,
    );
  });

  app.get("/admin/signals", async (c) => {
    const q = parseInput(signalsQuery, c.req.query());
    const filters = { strategyId: q.strategy, action: q.action, status: q.status, symbol: q.symbol };
    const [list, strategies] = await Promise.all([
      listAdminSignals({ ...filters, page: q.page }, deps),
      deps.db.strategy.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 }),
    ]);
    return renderPage(
      c,
      { title: "Signals", section: "signals", live: "signals" },
      <SignalsView {...list} filters={filters} strategies={strategies} now={now()} />,
    );
  });

  app.get("/admin/signals/:id", async (c) => {
    const signalId = c.req.param("id");
    if (!idParam("signal").safeParse(signalId).success) throw new AppError("NOT_FOUND", "no such signal");
    const s = await signalDetail({ signalId, page: page.parse(c.req.query("page")) }, deps);
    return renderPage(
      c,
      { title: `Signal ${s.symbol}`, section: "signals", live: `signal:${s.id}` },
      <SignalView s={s} now={now()} />,
    );
  });

  app.get("/admin/audit", async (c) => {
    const q = parseInput(auditQuery, c.req.query());
    const filters = { action: q.action, actor: q.actor, userId: q.user };
    const list = await listAudit({ ...filters, page: q.page }, deps);
    return renderPage(c, { title: "Audit log", section: "audit" }, <AuditView {...list} filters={filters} />);
  });

  return app;
}
