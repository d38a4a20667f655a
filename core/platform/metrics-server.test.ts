import { describe, expect, it } from "vitest";
import { silentLogger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import { isLoopback, metricsAllowed, serveMetrics } from "./metrics-server.ts";

describe("metrics access", () => {
  it("without a token, only loopback addresses get in", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a)).toBe(true);
    for (const a of ["10.0.0.1", "::ffff:10.0.0.1", "fe80::1", "", undefined]) expect(isLoopback(a)).toBe(false);
    expect(metricsAllowed({ authorization: undefined, remoteAddress: "203.0.113.1" })).toBe(false);
  });

  it("with a token, the bearer decides whatever the address", () => {
    const token = "a-long-enough-token";
    expect(metricsAllowed({ token, authorization: `Bearer ${token}`, remoteAddress: "203.0.113.1" })).toBe(true);
    expect(metricsAllowed({ token, authorization: "Bearer nope", remoteAddress: "127.0.0.1" })).toBe(false);
    expect(metricsAllowed({ token, authorization: undefined, remoteAddress: "127.0.0.1" })).toBe(false);
  });

  it("a worker's port serves its registry at /metrics only", async () => {
    const metrics = createMetrics();
    metrics.jobFinished("fan-out-signal", "completed");
    const server = await serveMetrics({ metrics, port: 0, host: "127.0.0.1", logger: silentLogger });
    if (!server) throw new Error("not served");
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('mimic_jobs_total{queue="fan-out-signal",outcome="completed"} 1');
      expect((await fetch(server.url.replace("/metrics", "/other"))).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("a port already taken is logged, not fatal", async () => {
    const metrics = createMetrics();
    const first = await serveMetrics({ metrics, port: 0, host: "127.0.0.1", logger: silentLogger });
    const port = Number(new URL(first?.url ?? "").port);
    expect(await serveMetrics({ metrics, port, host: "127.0.0.1", logger: silentLogger })).toBeUndefined();
    await first?.close();
  });
});
