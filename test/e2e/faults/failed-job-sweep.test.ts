import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCredentialCipher } from "../../../core/accounts/credential-cipher.ts";
import { resumeUnfinishedWork } from "../../../core/copying/resume-unfinished-work.ts";
import { createCcxtExchangeFactory } from "../../../core/exchange/ccxt-exchange-factory.ts";
import { createExchangeResolver } from "../../../core/exchange/exchange-resolver.ts";
import { createBullmqQueue } from "../../../core/platform/bullmq-queue.ts";
import { jobIds } from "../../../core/platform/jobs.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { generateMasterKey } from "../../../core/platform/secrets.ts";
import { startBullmqWorkers } from "../../../worker/bullmq-workers.ts";
import { buildProcessors } from "../../../worker/processors.ts";
import { createTestDatabase } from "../../db.ts";
import { seedExecution } from "../../factories.ts";

// A Postgres outage longer than the retry budget (8 attempts, about 30 s by default; 2 here) fails an execution's
// job for good without recording anything: the execution stays "pending". Once Postgres is back the sweep
// re-enqueues it. That works only because a job that failed for good is not kept under its id (removeOnFail,
// and the in-process queue forgets it): adding a job whose id still exists would do nothing.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const adminUrl = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const retry = { attempts: 2, backoffMs: 50, maxBackoffMs: 100 };

describe("an execution whose job failed for good while Postgres was down", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let connection: Redis;
  let admin: pg.Client;
  const prefix = `mimic-test-${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
    connection?.disconnect();
    await testDb?.drop();
  });

  const dbName = () => new URL(testDb.url).pathname.slice(1);

  it("is run by the sweep once Postgres is back", async () => {
    const prisma = testDb.db.prisma;
    const {
      signal,
      subscription: sub,
      execution,
    } = await seedExecution(prisma, {
      account: { exchange: "paper", paperBalance: { create: { wallet: "10000" } } },
      signal: { price: "60000", status: "dispatched" },
      clientOrderId: "mm-failed-job-e",
    });

    const queue = createBullmqQueue({ connection, prefix, retry });
    const ccxt = createCcxtExchangeFactory();
    const exchanges = createExchangeResolver({
      cipher: createCredentialCipher({ masterKey: generateMasterKey() }),
      ccxt,
      paper: { db: prisma },
    });
    const clock = { now: () => new Date() };
    const workers = startBullmqWorkers({
      connection,
      processors: buildProcessors({
        db: prisma,
        sql: testDb.db.sql,
        queue,
        exchanges,
        clock,
        logger: silentLogger,
        concurrency: 4,
        retry,
      }),
      concurrency: { "execute-subscription": 4 },
      logger: silentLogger,
      prefix,
      retry,
    });
    const inspect = new Queue("execute-subscription", { connection, prefix });
    const jobId = jobIds.execute(signal.id, sub.id);
    try {
      // Postgres refuses every connection of this database, then the job arrives.
      await admin.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS false`);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [dbName()]);
      await queue.add("execute-subscription", { data: { signalId: signal.id, subscriptionId: sub.id }, jobId });
      // Failed for good: kept as "failed", or already removed ("unknown") if failed jobs are not retained.
      const gaveUp = async () => ["failed", "unknown"].includes(await inspect.getJobState(jobId));
      for (let i = 0; i < 100 && !(await gaveUp()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await gaveUp()).toBe(true);

      await admin.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`);
      expect((await prisma.execution.findUniqueOrThrow({ where: { id: execution.id } })).status).toBe("pending");
      const resumed = await resumeUnfinishedWork({ db: prisma, queue, clock, logger: silentLogger });
      expect(resumed.executions).toBe(1);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await prisma.execution.findUniqueOrThrow({ where: { id: execution.id } })).status).toBe("filled");
    } finally {
      await workers.close();
      await inspect.close();
      await queue.close();
      ccxt.close();
    }
  });
});
