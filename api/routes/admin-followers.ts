import { Hono } from "hono";
import { z } from "zod";
import { listFollowers } from "../../core/admin/list-followers.ts";
import { parseInput } from "../../core/platform/validation.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";

const followersQuery = z.object({
  page: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(100_000).default(1),
  q: z.string().trim().max(100).optional(),
});

/** The admin page's copier view for scripts: the same rows, as JSON. Behind the admin bearer token. */
export function adminFollowerRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get("/api/admin/followers", async (c) => {
    const query = parseInput(followersQuery, c.req.query());
    const list = await listFollowers({ page: query.page, q: query.q || undefined }, deps);
    return c.json({
      page: list.page,
      pageSize: list.pageSize,
      hasNext: list.hasNext,
      followers: list.rows.map((f) => ({
        ...f,
        accounts: f.accounts.map((a) => ({ ...a, lastContactAt: a.lastContactAt?.toISOString() ?? null })),
      })),
    });
  });
  return app;
}
