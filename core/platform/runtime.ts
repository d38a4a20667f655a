import { Redis } from "ioredis";
import type { Logger } from "pino";
import { type CredentialCipher, createCredentialCipher } from "../accounts/credential-cipher.ts";
import { createBullmqQueue } from "./bullmq-queue.ts";
import { type Clock, systemClock } from "./clock.ts";
import type { Env } from "./config.ts";
import { createDb, type Db } from "./db/create-db.ts";
import type { JobQueue } from "./jobs.ts";
import { createInProcessLiveEvents, createRedisLiveEvents, type LiveEvents } from "./live-events.ts";
import { generateAdminToken, generateMasterKey, resolveDevSecret } from "./secrets.ts";

export interface Runtime {
  env: Env;
  logger: Logger;
  clock: Clock;
  db: Db;
  cipher: CredentialCipher;
  adminToken: string;
  /** Set when REDIS_URL is: the BullMQ producer and the connection workers share. */
  redis?: { connection: Redis; queue: JobQueue };
  /** What the admin page hears live: Redis pub/sub across processes, or within this one on embedded defaults. */
  liveEvents: LiveEvents;
  close(): Promise<void>;
}

/**
 * Builds the dependencies every entry point shares from an already-parsed environment. Entry points decide
 * which parts run (API, workers, bots) and own shutdown. Exchange clients are not part of it: only the entry
 * points that trade or link accounts load ccxt (`buildTradingRuntime`).
 */
export async function buildRuntime(env: Env, logger: Logger): Promise<Runtime> {
  const masterKey = await resolveDevSecret({
    fromEnv: env.MASTER_KEY,
    dataDir: env.DATA_DIR,
    fileName: "master.key",
    generate: generateMasterKey,
  });
  const adminToken = await resolveDevSecret({
    fromEnv: env.ADMIN_TOKEN,
    dataDir: env.DATA_DIR,
    fileName: "admin.token",
    generate: generateAdminToken,
  });
  for (const [name, secret] of [
    ["MASTER_KEY", masterKey],
    ["ADMIN_TOKEN", adminToken],
  ] as const) {
    if (secret.source === "generated")
      logger.warn({ file: secret.file }, `${name} was not set: generated one (dev only)`);
    if (secret.source === "file") logger.info({ file: secret.file }, `${name} read from the data dir (dev only)`);
  }

  const db = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    logger,
  });
  if (env.RUN_MIGRATIONS) {
    const applied = await db.migrate();
    if (applied.length) logger.info({ applied }, "database migrated");
  }

  const cipher = createCredentialCipher({
    masterKey: masterKey.value,
    previousKeys: env.MASTER_KEY_PREVIOUS?.split(",")
      .map((k) => k.trim())
      .filter(Boolean),
  });

  let redis: Runtime["redis"];
  if (env.REDIS_URL) {
    // BullMQ workers need maxRetriesPerRequest: null so a Redis restart stalls commands instead of failing them.
    const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true });
    connection.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
    redis = { connection, queue: createBullmqQueue({ connection, prefix: env.QUEUE_PREFIX, logger }) };
  }

  const liveEvents = redis
    ? createRedisLiveEvents({ connection: redis.connection, channel: `${env.QUEUE_PREFIX}:live-events`, logger })
    : createInProcessLiveEvents({ logger });

  return {
    env,
    logger,
    liveEvents,
    clock: systemClock,
    db,
    cipher,
    adminToken: adminToken.value,
    redis,
    async close() {
      await liveEvents.close();
      await redis?.queue.close();
      redis?.connection.disconnect();
      await db.close();
    },
  };
}
