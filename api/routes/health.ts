import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../app-deps.ts";

export function healthRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/health", async (c) => {
    const [db, queue] = await Promise.all([deps.dbPing(), deps.queue.ping()]);
    const status = db && queue ? "ok" : "degraded";
    return c.json({ status, db: db ? "ok" : "down", queue: queue ? "ok" : "down" }, db && queue ? 200 : 503);
  });
}
