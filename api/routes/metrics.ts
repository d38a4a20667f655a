import { Hono } from "hono";
import { AppError } from "../../core/platform/errors.ts";
import { metricsAllowed } from "../../core/platform/metrics-server.ts";
import type { AppDeps, AppEnv } from "../app-deps.ts";
import { remoteAddress } from "../remote-address.ts";

/** Prometheus's scrape of this process: bearer METRICS_TOKEN, or from this machine only when it is unset. */
export function metricsRoutes(deps: Pick<AppDeps, "metrics" | "metricsToken">) {
  return new Hono<AppEnv>().get("/metrics", async (c) => {
    const { metrics, metricsToken: token } = deps;
    if (!metrics) throw new AppError("NOT_FOUND", "no such route");
    if (!metricsAllowed({ token, authorization: c.req.header("authorization"), remoteAddress: remoteAddress(c) })) {
      if (token) throw new AppError("UNAUTHORIZED", "metrics need Authorization: Bearer <METRICS_TOKEN>");
      throw new AppError("FORBIDDEN", "metrics are served to this machine only unless METRICS_TOKEN is set");
    }
    return c.body(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType });
  });
}
