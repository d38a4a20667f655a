import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../db.ts";
import { freePort, type Proc, startEntry } from "../processes.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("Postgres + Redis with an API process and two worker processes", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const procs: Proc[] = [];
  const prefix = `mimic-test-${randomBytes(4).toString("hex")}`;
  const adminToken = randomBytes(24).toString("base64url");
  let api = "";
  const metricsToken = randomBytes(16).toString("base64url");
  const workerMetrics: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: testDb.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      MASTER_KEY: randomBytes(32).toString("base64"),
      ADMIN_TOKEN: adminToken,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: api,
      METRICS_TOKEN: metricsToken,
    };
    const workerEnv = async () => {
      const metricsPort = await freePort();
      workerMetrics.push(`http://127.0.0.1:${metricsPort}/metrics`);
      return { ...env, WORKER_METRICS_PORT: String(metricsPort) };
    };
    procs.push(
      startEntry("api/main.ts", env),
      startEntry("worker/main.ts", await workerEnv()),
      startEntry("worker/main.ts", await workerEnv()),
    );
    await Promise.all([
      procs[0]?.waitFor(/api is up/),
      procs[1]?.waitFor(/worker is up/),
      procs[2]?.waitFor(/worker is up/),
    ]);
  }, 90_000);

  afterAll(async () => {
    const codes = await Promise.all(procs.map((p) => p.stop()));
    expect(codes).toEqual([0, 0, 0]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await testDb?.drop();
  }, 60_000);

  const call = async (method: string, route: string, body?: unknown, auth = true) => {
    const res = await fetch(`${api}${route}`, {
      method,
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${adminToken}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it("three paper followers get three filled orders, shared between the workers", async () => {
    const health = await call("GET", "/health", undefined, false);
    expect(health).toEqual({ status: 200, json: { status: "ok", db: "ok", queue: "ok" } });

    const strategy = (await call("POST", "/api/admin/strategies", { name: "Multi process" })).json;
    expect(strategy.webhookUrl).toBe(`${api}/webhooks/tradingview/multi-process`);
    for (let i = 0; i < 3; i++) {
      const user = (await call("POST", "/api/admin/users", { displayName: `f${i}` })).json;
      const account = (await call("POST", `/api/admin/users/${user.id}/accounts`, { exchange: "paper" })).json;
      const sub = await call("POST", "/api/admin/subscriptions", {
        accountId: account.id,
        strategy: "multi-process",
        sizing: { mode: "risk", value: 2 },
        maxLeverage: 10,
      });
      expect(sub.status).toBe(201);
    }

    const started = Date.now();
    const hook = await call(
      "POST",
      "/webhooks/tradingview/multi-process",
      { passphrase: strategy.passphrase, symbol: "BINANCE:BTCUSDT.P", action: "long", leverage: 5, price: 65000 },
      false,
    );
    expect(hook.status).toBe(202);

    let signal: { executions: { status: string; amount: string; price: string }[] } = { executions: [] };
    while (Date.now() - started < 20_000) {
      signal = (await call("GET", `/api/admin/signals/${hook.json.signalId}`)).json as typeof signal;
      if (signal.executions.length === 3 && signal.executions.every((e) => e.status === "filled")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // 10000 × 2% × 5x / 65000 = 0.015384 (floored to the paper step 0.000001)
    expect(signal.executions).toEqual(
      Array(3).fill(expect.objectContaining({ status: "filled", amount: "0.015384", price: "65000" })),
    );

    // Every process is scraped on its own; the workers' counters add up to the fan-out.
    const scrape = async (url: string) => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${metricsToken}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const sample = (text: string, series: string) =>
      Number(
        text
          .split("\n")
          .find((line) => line.startsWith(`${series} `))
          ?.split(" ")[1] ?? 0,
      );
    expect(
      sample(
        await scrape(`${api}/metrics`),
        'mimic_signals_received_total{strategy="multi-process",source="tradingview"}',
      ),
    ).toBe(1);
    const filled = await Promise.all(
      workerMetrics.map(async (url) =>
        sample(await scrape(url), 'mimic_executions_total{status="filled",error_code="none"}'),
      ),
    );
    expect(filled.reduce((a, b) => a + b, 0)).toBe(3);
    expect((await fetch(`${api}/metrics`)).status).toBe(401);
    expect(await testDb.db.prisma.workerHeartbeat.count({ where: { kind: "worker" } })).toBe(2);
    expect((await call("GET", "/ready", undefined, false)).json).toMatchObject({
      status: "ready",
      migrations: "applied",
    });
  });
});
