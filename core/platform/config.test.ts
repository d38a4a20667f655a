import { describe, expect, it } from "vitest";
import { loadEnv } from "./config.ts";
import { isAppError } from "./errors.ts";

describe("loadEnv", () => {
  it("runs on embedded defaults with an empty environment", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.NODE_ENV).toBe("development");
  });

  it("leaves metrics open to loopback and the worker's port off unless set", () => {
    const unset = loadEnv({});
    expect([unset.METRICS_TOKEN, unset.WORKER_METRICS_PORT]).toEqual([undefined, undefined]);
    expect(loadEnv({ WORKER_METRICS_PORT: "", METRICS_TOKEN: "" }).WORKER_METRICS_PORT).toBeUndefined();
    const set = loadEnv({ WORKER_METRICS_PORT: "9464", METRICS_TOKEN: "sixteen-chars-ok" });
    expect(set).toMatchObject({ WORKER_METRICS_PORT: 9464, METRICS_TOKEN: "sixteen-chars-ok" });
    expect(() => loadEnv({ WORKER_METRICS_PORT: "x" })).toThrowError(/WORKER_METRICS_PORT/);
    expect(() => loadEnv({ METRICS_TOKEN: "short" })).toThrowError(/METRICS_TOKEN: must be at least 16/);
  });

  it("leaves payments off without a Plisio key, and defaults Plisio's API and invoice lifetime", () => {
    expect(loadEnv({ PLISIO_SECRET_KEY: " " })).toMatchObject({
      PLISIO_SECRET_KEY: undefined,
      PLISIO_API_ROOT: "https://api.plisio.net/api/v1",
      PLISIO_EXPIRE_MIN: 60,
    });
    expect(loadEnv({ PLISIO_API_ROOT: "http://127.0.0.1:9/api/v1/", PLISIO_EXPIRE_MIN: "30" })).toMatchObject({
      PLISIO_API_ROOT: "http://127.0.0.1:9/api/v1",
      PLISIO_EXPIRE_MIN: 30,
    });
    expect(() => loadEnv({ PLISIO_API_ROOT: "plisio" })).toThrowError(/PLISIO_API_ROOT: must be a URL/);
  });

  it("treats empty strings as unset", () => {
    expect(loadEnv({ DATABASE_URL: "", REDIS_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and what it wants", () => {
    const attempt = () => loadEnv({ PORT: "abc", DATABASE_URL: "mysql://x" });
    expect(attempt).toThrowError(/PORT/);
    expect(attempt).toThrowError(/DATABASE_URL: must be a postgres/);
  });

  it("requires secrets in production", () => {
    try {
      loadEnv({ NODE_ENV: "production" });
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, "CONFIG_INVALID")).toBe(true);
      expect(String(err)).toMatch(/MASTER_KEY: is required when NODE_ENV=production/);
      expect(String(err)).toMatch(/ADMIN_TOKEN: is required/);
    }
  });

  it("defaults the worker's lock, stalled check and resume sweep to production values, and parses overrides", () => {
    expect(loadEnv({})).toMatchObject({
      WORKER_LOCK_DURATION_MS: 30_000,
      WORKER_STALLED_INTERVAL_MS: 30_000,
      RESUME_SWEEP_INTERVAL_MS: 30_000,
      RESUME_SWEEP_STALE_MS: 60_000,
    });
    const env = loadEnv({
      WORKER_LOCK_DURATION_MS: "2000",
      WORKER_STALLED_INTERVAL_MS: "1000",
      RESUME_SWEEP_INTERVAL_MS: "0",
    });
    expect(env).toMatchObject({
      WORKER_LOCK_DURATION_MS: 2000,
      WORKER_STALLED_INTERVAL_MS: 1000,
      RESUME_SWEEP_INTERVAL_MS: 0,
    });
    expect(() => loadEnv({ WORKER_LOCK_DURATION_MS: "10" })).toThrowError(/WORKER_LOCK_DURATION_MS/);
  });

  it("parses JSON-valued variables", () => {
    const env = loadEnv({ CCXT_URL_OVERRIDES: '{"binanceusdm":"http://127.0.0.1:9"}' });
    expect(env.CCXT_URL_OVERRIDES).toEqual({ binanceusdm: "http://127.0.0.1:9" });
    expect(() => loadEnv({ CCXT_URL_OVERRIDES: "nope" })).toThrowError(/CCXT_URL_OVERRIDES: must be JSON/);
  });
});
