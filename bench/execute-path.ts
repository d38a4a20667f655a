// npm run bench:execute -- [--followers 2000] [--concurrency 128] [--profile out.cpuprofile]
// The worker's own CPU per follower: one signal executed in-process (in-process queue, Postgres) against the
// fake Binance in its own process. Complements bench:fanout, which measures the whole deployment.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { createCredentialCipher } from "../core/accounts/credential-cipher.ts";
import { createCcxtExchangeFactory } from "../core/exchange/ccxt-exchange-factory.ts";
import { createExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { receiveSignal } from "../core/signals/receive-signal.ts";
import { createStrategy } from "../core/strategies/create-strategy.ts";
import { createStrategyLookup } from "../core/strategies/strategy-lookup.ts";
import { createTestDatabase } from "../test/db.ts";
import { startEntry } from "../test/processes.ts";
import { createInProcessQueue } from "../worker/in-process-queue.ts";
import { buildProcessors } from "../worker/processors.ts";
import { seedFollowers } from "./seed-followers.ts";

const { values } = parseArgs({
  options: {
    followers: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "128" },
    // A V8 CPU profile of the measured run only (seeding and warm-up left out).
    profile: { type: "string" },
  },
});
const N = Number(values.followers);
const fakeProc = startEntry("test/fake-binance/main.ts", {}, ["--port", "0", "--balance", "1000000"]);
const testDb = await createTestDatabase();
try {
  await fakeProc.waitFor(/^http:\/\/\S+\n/m);
  const fakeUrl = (/^(http:\/\/\S+)\n/m.exec(fakeProc.output()) as RegExpExecArray)[1] as string;
  const db = testDb.db.prisma;
  const masterKey = randomBytes(32).toString("base64");
  const cipher = createCredentialCipher({ masterKey });
  const ccxt = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fakeUrl } });
  const exchanges = createExchangeResolver({ cipher, ccxt, paper: { db } });
  const queue = createInProcessQueue({ logger: silentLogger, concurrency: Number(values.concurrency) });
  const clock = { now: () => new Date() };
  queue.start(
    buildProcessors({
      db,
      sql: testDb.db.sql,
      queue,
      exchanges,
      clock,
      logger: silentLogger,
      concurrency: Number(values.concurrency),
    }),
  );
  const deps = { db, strategies: createStrategyLookup(db), queue, clock, logger: silentLogger, dedupeWindowSec: 30 };

  const run = async (name: string, followers: number, profile?: string) => {
    const s = await createStrategy({ name }, { db });
    const { id } = await db.strategy.findUniqueOrThrow({ where: { slug: s.slug } });
    await seedFollowers(db, {
      strategyId: id,
      followers,
      masterKey,
      keyPrefix: name,
      sizing: { mode: "fixed", value: "200" },
    });
    await fetch(`${fakeUrl}/__control/reset-counters`, { method: "POST", body: "{}" });
    const session = profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
    }
    if (profile !== undefined || name === "measured") console.log(`measuring ${followers} followers`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const wall0 = Date.now();
    await receiveSignal(
      { strategy: s.slug, body: { passphrase: s.passphrase, symbol: "BTCUSDT", action: "long" } },
      deps,
    );
    await queue.drain();
    const cpu = process.cpuUsage(cpu0);
    if (session && profile) {
      const { profile: data } = await session.post("Profiler.stop");
      await writeFile(profile, JSON.stringify(data));
      session.disconnect();
    }
    const stats = (await (await fetch(`${fakeUrl}/__control/stats`)).json()) as { firstOrderAt: number };
    return {
      ms: performance.now() - t0,
      cpuMsPerOrder: (cpu.user + cpu.system) / 1000 / followers,
      firstOrderMs: stats.firstOrderAt - wall0,
    };
  };
  await run("warm", 256);
  const r = await run("measured", N, values.profile);
  const filled = await db.execution.count({ where: { status: "filled", signal: { strategy: { name: "measured" } } } });
  console.log(
    `execute followers=${N} filled=${filled} total_ms=${r.ms.toFixed(0)} orders_per_s=${((N / r.ms) * 1000).toFixed(0)} worker_cpu_ms_per_order=${r.cpuMsPerOrder.toFixed(3)} first_order_ms=${r.firstOrderMs}`,
  );
  await queue.close();
  ccxt.close();
} finally {
  await fakeProc.stop();
  await testDb.drop();
}
