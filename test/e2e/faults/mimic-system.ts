import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { seedFollowers } from "../../../bench/seed-followers.ts";
import { createTestDatabase } from "../../db.ts";
import { freePort, type Proc, startEntry } from "../../processes.ts";

const SHARED_REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export type ExecutionCounts = Partial<Record<"pending" | "placed" | "filled" | "failed" | "skipped", number>>;

export interface MimicSystem {
  testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  api: string;
  /** Every worker started so far, dead or alive, in start order. */
  workers: Proc[];
  startWorker(extraEnv?: Record<string, string>): Promise<Proc>;
  call(method: string, route: string, body?: unknown, auth?: boolean): Promise<{ status: number; json: unknown }>;
  createStrategy(body: { name: string; maxSignalAgeSec?: number }): Promise<Strategy>;
  /** N binanceusdm followers with keys `<keyPrefix>-<i>`, written straight into the database. */
  seed(
    strategy: Strategy,
    followers: number,
    keyPrefix: string,
    sizing?: { mode: "fixed" | "risk"; value: string },
  ): Promise<void>;
  webhook(strategy: Strategy, body: Record<string, unknown>): Promise<string>;
  counts(signalId: string): Promise<ExecutionCounts>;
  /** Resolves when `n` executions of the signal are filled, failed or skipped. */
  waitTerminal(signalId: string, n: number, timeoutMs: number): Promise<ExecutionCounts>;
  close(): Promise<void>;
}

export interface Strategy {
  id: string;
  slug: string;
  passphrase: string;
}

/**
 * Mimic as an operator runs it: an API process and worker processes (`node --import tsx`) on a database of the
 * test's own and a unique queue prefix, trading binanceusdm at `fakeUrl`.
 */
export async function startMimic(opts: {
  fakeUrl: string;
  redisUrl?: string;
  /** Worker processes started now; more with startWorker(). */
  workers?: number;
  env?: Record<string, string>;
}): Promise<MimicSystem> {
  const testDb = await createTestDatabase();
  const redisUrl = opts.redisUrl ?? SHARED_REDIS;
  const prefix = `mimic-test-${randomBytes(4).toString("hex")}`;
  const adminToken = randomBytes(24).toString("base64url");
  const masterKey = randomBytes(32).toString("base64");
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: testDb.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    MASTER_KEY: masterKey,
    ADMIN_TOKEN: adminToken,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: api,
    CCXT_URL_OVERRIDES: JSON.stringify({ binanceusdm: opts.fakeUrl }),
    DATABASE_POOL_MAX: "5",
    // createTestDatabase has migrated already; the wasm schema engine costs each process seconds of CPU.
    RUN_MIGRATIONS: "false",
    ...opts.env,
  };
  const procs: Proc[] = [];
  const workers: Proc[] = [];

  const startWorker = async (extraEnv: Record<string, string> = {}) => {
    const worker = startEntry("worker/main.ts", { ...env, ...extraEnv });
    procs.push(worker);
    workers.push(worker);
    await worker.waitFor(/worker is up/, 60_000);
    return worker;
  };

  const close = async () => {
    // Graceful where alive; a process that does not stop in time is killed so the test never hangs here.
    await Promise.all(
      procs.map(async (p) => {
        const timer = setTimeout(() => p.child.kill("SIGKILL"), 15_000);
        await p.stop();
        clearTimeout(timer);
      }),
    );
    if (redisUrl === SHARED_REDIS) {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await testDb.drop();
  };

  try {
    const apiProc = startEntry("api/main.ts", env);
    procs.push(apiProc);
    await Promise.all([
      apiProc.waitFor(/api is up/, 60_000),
      ...Array.from({ length: opts.workers ?? 1 }, () => startWorker()),
    ]);
  } catch (err) {
    await close();
    throw err;
  }

  const call: MimicSystem["call"] = async (method, route, body, auth = true) => {
    const res = await fetch(`${api}${route}`, {
      method,
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${adminToken}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };

  const counts = async (signalId: string) => {
    const rows = await testDb.db.prisma.execution.groupBy({ by: ["status"], where: { signalId }, _count: true });
    return Object.fromEntries(rows.map((r) => [r.status, r._count])) as ExecutionCounts;
  };

  return {
    testDb,
    api,
    workers,
    startWorker,
    call,
    async createStrategy(body) {
      const res = await call("POST", "/api/admin/strategies", body);
      if (res.status !== 201) throw new Error(`strategy: ${res.status} ${JSON.stringify(res.json)}`);
      return res.json as Strategy;
    },
    async seed(strategy, followers, keyPrefix, sizing = { mode: "fixed", value: "200" }) {
      await seedFollowers(testDb.db.prisma, { strategyId: strategy.id, followers, masterKey, keyPrefix, sizing });
    },
    async webhook(strategy, body) {
      const res = await call(
        "POST",
        `/webhooks/tradingview/${strategy.slug}`,
        { passphrase: strategy.passphrase, ...body },
        false,
      );
      if (res.status !== 202) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.json)}`);
      return (res.json as { signalId: string }).signalId;
    },
    counts,
    async waitTerminal(signalId, n, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last: ExecutionCounts = {};
      for (;;) {
        try {
          last = await counts(signalId);
        } catch {
          // A test that cuts database connections cuts this one too; ask again.
        }
        if ((last.filled ?? 0) + (last.failed ?? 0) + (last.skipped ?? 0) >= n) return last;
        if (Date.now() > deadline) throw new Error(`signal ${signalId} not finished in time: ${JSON.stringify(last)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close,
  };
}
