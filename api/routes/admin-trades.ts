import { Hono } from "hono";
import { z } from "zod";
import { parseInput } from "../../core/platform/validation.ts";
import { listSignals } from "../../core/signals/list-signals.ts";
import { listAccountTrades } from "../../core/trades/list-account-trades.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";

const tradesQuery = z.object({
  status: z.enum(["open", "closed"], { error: 'must be "open" or "closed"' }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const signalsQuery = z.object({
  strategy: z.string().min(1).max(100).optional(),
  limit: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(1000).default(50),
});

/** Read-only views for operators: an account's trades, a strategy's signals. Behind the admin bearer token. */
export function adminTradeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get("/api/admin/accounts/:id/trades", async (c) => {
    const accountId = parseInput(z.uuid({ error: "must be an account id" }), c.req.param("id"));
    const query = parseInput(tradesQuery, c.req.query());
    return c.json({ trades: await listAccountTrades({ accountId, ...query }, deps) });
  });

  app.get("/api/admin/signals", async (c) => {
    const query = parseInput(signalsQuery, c.req.query());
    return c.json({ signals: await listSignals(query, deps) });
  });

  return app;
}
