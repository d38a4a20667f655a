import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../app-deps.ts";

export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/health", async (c) => {
      const [db, queue] = await Promise.all([deps.dbPing(), deps.queue.ping()]);
      const status = db && queue ? "ok" : "degraded";
      return c.json({ status, db: db ? "ok" : "down", queue: queue ? "ok" : "down" }, db && queue ? 200 : 503);
    })
    .get("/ready", async (c) => {
      // Without a readiness check (in-process tests, whose databases are migrated) the parts that answer decide.
      const state = deps.ready
        ? await deps.ready()
        : await Promise.all([deps.dbPing(), deps.queue.ping()]).then(([db, queue]) => ({
            ready: db && queue,
            db: db ? "ok" : "down",
            queue: queue ? "ok" : "down",
            migrations: "unknown",
          }));
      const { ready, ...parts } = state;
      return c.json({ status: ready ? "ready" : "not_ready", ...parts }, ready ? 200 : 503);
    });
}
