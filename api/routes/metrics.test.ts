import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, observeRuntime, processMetrics } from "../../core/platform/metrics.ts";
import { createWebhookGuard } from "../../core/strategies/webhook-guard.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createHarness, type Harness, seedPaperFollowers } from "../../test/harness.ts";
import { createApp } from "../app.ts";

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const VALUE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NaN|[+-]Inf)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;

/**
 * A strict reading of the Prometheus text format (0.0.4): HELP and TYPE before a family's samples, valid names,
 * label sets and values. Returns every sample by its series (name and labels as written) to look values up.
 */
function parsePrometheus(text: string): Map<string, number> {
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.slice(0, -1).split("\n")) {
    // The format ignores empty lines; prom-client puts one between families.
    if (line === "") continue;
    if (line.startsWith("# HELP ")) {
      expect(line.split(" ")[2]).toMatch(NAME);
      continue;
    }
    if (line.startsWith("# TYPE ")) {
      const [, , name = "", type = ""] = line.split(" ");
      expect(name).toMatch(NAME);
      expect(["counter", "gauge", "histogram", "summary", "untyped"]).toContain(type);
      expect(types.has(name), `${name} typed twice`).toBe(false);
      types.set(name, type);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)( -?\d+)?$/.exec(line);
    expect(m, `not a sample line: ${line}`).not.toBeNull();
    const [, name = "", labels = "", value = ""] = m ?? [];
    if (labels) {
      const inner = labels.slice(1, -1);
      LABEL.lastIndex = 0;
      let read = 0;
      while (read < inner.length) {
        const l = LABEL.exec(inner);
        expect(l, `bad labels: ${labels}`).not.toBeNull();
        read = LABEL.lastIndex;
      }
    }
    expect(value, line).toMatch(VALUE);
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count|total|created)$/, "");
    expect(types.has(family) || types.has(name), `${name} has no TYPE`).toBe(true);
    expect(name.startsWith("mimic_"), `${name} is not prefixed`).toBe(true);
    samples.set(`${name}${labels}`, Number(value));
  }
  return samples;
}

describe("GET /metrics", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let h: Harness;
  const loopback = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
  const remote = { incoming: { socket: { remoteAddress: "203.0.113.7" } } };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    h = createHarness({ db: testDb.db });
  });
  afterAll(async () => {
    await h?.close();
    await testDb?.drop();
  });

  const scrape = async () => {
    const app = createApp({ ...h.deps, metrics: processMetrics() });
    const res = await app.request("/metrics", {}, loopback);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return parsePrometheus(await res.text());
  };

  it("parses as Prometheus text, and its counters move when a signal is copied", async () => {
    observeRuntime(processMetrics(), { db: testDb.db.prisma, queue: h.queue });
    const { strategy } = await seedPaperFollowers(h, 3);
    const before = await scrape();
    const res = await h.request(
      "POST",
      `/webhooks/tradingview/${strategy.slug}`,
      { passphrase: strategy.passphrase, symbol: "BTCUSDT.P", action: "long", price: 50000 },
      { auth: false },
    );
    expect(res.status).toBe(202);
    await h.queue.drain();
    const after = await scrape();
    const moved = (series: string) => (after.get(series) ?? 0) - (before.get(series) ?? 0);

    expect(moved(`mimic_signals_received_total{strategy="${strategy.slug}",source="tradingview"}`)).toBe(1);
    expect(moved('mimic_executions_total{status="filled",error_code="none"}')).toBe(3);
    expect(moved('mimic_order_latency_seconds_count{venue="paper",outcome="ok"}')).toBeGreaterThanOrEqual(3);
    expect(moved('mimic_jobs_total{queue="fan-out-signal",outcome="completed"}')).toBe(1);
    expect(after.get("mimic_notification_backlog")).toBeGreaterThanOrEqual(0);
    expect(after.has("mimic_process_cpu_user_seconds_total")).toBe(true);
  });

  it("wants the bearer token when METRICS_TOKEN is set, and the loopback without it", async () => {
    const metrics = createMetrics();
    const open = createApp({ ...h.deps, metrics });
    expect((await open.request("/metrics", {}, loopback)).status).toBe(200);
    // Neither a remote address nor a forwarded header claiming loopback gets in.
    expect((await open.request("/metrics", {}, remote)).status).toBe(403);
    const forwarded = { headers: { "x-forwarded-for": "127.0.0.1" } };
    expect((await open.request("/metrics", forwarded, remote)).status).toBe(403);
    expect((await open.request("/metrics")).status).toBe(403);

    const token = "a-metrics-token-of-some-length";
    const guarded = createApp({ ...h.deps, metrics, metricsToken: token });
    expect((await guarded.request("/metrics", {}, loopback)).status).toBe(401);
    const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    expect((await guarded.request("/metrics", bearer("wrong"), remote)).status).toBe(401);
    expect((await guarded.request("/metrics", bearer(token), remote)).status).toBe(200);
  });

  it("GET /ready answers 503 until migrations are applied", async () => {
    let migrated = false;
    const app = createApp({
      ...h.deps,
      ready: async () => ({ ready: migrated, db: "ok", queue: "ok", migrations: migrated ? "applied" : "pending" }),
    });
    const first = await app.request("/ready");
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ status: "not_ready", db: "ok", queue: "ok", migrations: "pending" });
    migrated = true;
    expect((await app.request("/ready")).status).toBe(200);
  });

  it("answers 429 with Retry-After past 20 wrong passphrases a minute from one address", async () => {
    const { strategy } = await seedPaperFollowers(h, 0);
    const app = createApp({ ...h.deps, webhookGuard: createWebhookGuard() });
    const fire = (passphrase: string) =>
      app.request(
        `/webhooks/tradingview/${strategy.slug}`,
        { method: "POST", body: JSON.stringify({ passphrase, symbol: "BTCUSDT", action: "close" }) },
        remote,
      );
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await fire("wrong")).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const limited = await fire("wrong");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    // The right passphrase from the same address is not held back.
    expect((await fire(strategy.passphrase)).status).toBe(202);
  });
});
