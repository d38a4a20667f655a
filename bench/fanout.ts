// npm run bench:fanout -- --followers N [--workers 1] [--concurrency 256] [--second-rate 50] [--raw-concurrency auto]
//   [--admin-pages 20]
// One webhook fanned out to N followers, each with its own binanceusdm key, through the real API and worker
// processes on Postgres + Redis, against the fake Binance in its own process: three times on its own, three times
// while a second strategy takes webhooks, then that webhook load alone; then the ceiling (bare signed orders
// through ccxt's HTTP client, bench/raw-orders.ts). See docs/performance.md.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb } from "../core/platform/db/create-db.ts";
import { createStrategy } from "../core/strategies/create-strategy.ts";
import { freePort, type Proc, startEntry } from "../test/processes.ts";
import { openAdminPages } from "./admin-pages.ts";
import { createBenchState, REDIS_URL } from "./bench-state.ts";
import { stolenTime } from "./cpu-usage.ts";
import { measurePass } from "./fanout-pass.ts";
import { fanoutSignals } from "./fanout-signals.ts";
import { printFanoutSummary } from "./fanout-summary.ts";
import { measureCeiling } from "./measure-ceiling.ts";
import { waitForQuietPostgres } from "./postgres-quiet.ts";
import { quantile } from "./quantile.ts";
import { secondStrategyLoad } from "./second-strategy-load.ts";
import { seedFollowers } from "./seed-followers.ts";

const { values } = parseArgs({
  options: {
    followers: { type: "string", default: "1000" },
    workers: { type: "string", default: "1" },
    concurrency: { type: "string", default: "256" },
    "second-rate": { type: "string", default: "50" },
    // Node flags of the worker processes: by default those of `npm run worker` in package.json.
    "worker-node-options": { type: "string", default: "--max-old-space-size=448" },
    // Node flags of the API process, as `npm run api` passes them.
    "api-node-options": { type: "string", default: "" },
    // Extra environment of the worker processes, e.g. --worker-env DATABASE_POOL_MAX=4 (repeatable).
    "worker-env": { type: "string", multiple: true, default: [] },
    // The same for the API process.
    "api-env": { type: "string", multiple: true, default: [] },
    // Writes V8 CPU profiles of the API and worker processes into this directory.
    profile: { type: "string" },
    "shared-session": { type: "boolean", default: false },
    // The ceiling's requests in flight (= its connections): "auto" tries RAW_CANDIDATES and workers × concurrency
    // and keeps the fastest; a number, or a comma-separated list to choose from.
    "raw-concurrency": { type: "string", default: "auto" },
    // Rounds of the ceiling's tuning runs (N orders each, per candidate).
    "raw-tune-rounds": { type: "string", default: "2" },
    // Admin pages open on the overview through every pass, each re-read on its live updates (bench/admin-pages.ts).
    "admin-pages": { type: "string", default: "0" },
  },
});
const N = Number(values.followers);
// Every process in a session of its own, as separate services run (see startEntry); `--shared-session` starts
// them in this one, as the benchmark did before the fourth session.
const session = { ownSession: !values["shared-session"] };
const workers = Number(values.workers);
const concurrency = Number(values.concurrency);
const secondRate = Number(values["second-rate"]);
const envPairs = (list: string[]) =>
  Object.fromEntries(list.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
const workerEnv = envPairs(values["worker-env"]);
const apiEnv = envPairs(values["api-env"]);
const SYMBOL = "BTCUSDT";
// Followers of each warm-up signal, and orders of each of the ceiling's warm-up runs: the same for both sides of
// the ratio, whatever N is. V8 keeps optimising hot code for thousands of orders: after one round of 2,000 the
// worker and the fake exchange still spent up to twice their steady CPU per order in the first measured passes
// (the optimising compiler's work lands there), and the second of them was the slowest every time. After three
// rounds the passes are even.
const WARMUP = 2000;
const WARMUP_ROUNDS = 3;

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const procs: Proc[] = [];
const state = await createBenchState();
// Processes in sessions of their own do not get the terminal's Ctrl-C: stop them and drop the state here.
process.once("SIGINT", () => {
  log("interrupted");
  void Promise.all(procs.map((p) => p.stop()))
    .then(() => state.drop())
    .finally(() => process.exit(130));
});
const { databaseUrl, dbName, prefix, admin } = state;

try {
  // 1. The exchange, in its own process.
  const fakeProc = startEntry("test/fake-binance/main.ts", {}, ["--port", "0", "--balance", "1000000"], session);
  procs.push(fakeProc);
  await fakeProc.waitFor(/^http:\/\/\S+\n/m);
  const fakeUrl = (/^(http:\/\/\S+)\n/m.exec(fakeProc.output()) as RegExpExecArray)[1] as string;
  const control = (path: string, body?: unknown) =>
    fetch(
      `${fakeUrl}/__control/${path}`,
      body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
    ).then((r) => r.json() as Promise<Record<string, number | null | number[]>>);

  // 2. A fresh database with N followers on one strategy, a quiet second strategy and a small warm-up one.
  const db = await createDb({ databaseUrl, dataDir: ".data", poolMax: 4 });
  await db.migrate();
  const masterKey = randomBytes(32).toString("base64");
  const main = await createStrategy({ name: "Bench main", maxSignalAgeSec: 600 }, { db: db.prisma });
  const second = await createStrategy({ name: "Bench second" }, { db: db.prisma });
  const warmup = await createStrategy({ name: "Bench warmup" }, { db: db.prisma });
  const seedStarted = performance.now();
  await seedFollowers(db.prisma, {
    strategyId: (await db.prisma.strategy.findUniqueOrThrow({ where: { slug: main.slug } })).id,
    followers: N,
    masterKey,
    keyPrefix: "bench",
    sizing: { mode: "fixed", value: "200" },
  });
  await seedFollowers(db.prisma, {
    strategyId: warmup.id,
    followers: WARMUP,
    masterKey,
    keyPrefix: "warm",
    sizing: { mode: "fixed", value: "200" },
  });
  log(`seeded ${N} followers in ${Math.round(performance.now() - seedStarted)} ms`);

  // 3. Mimic: one API process and the worker processes, as an operator runs them.
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    MASTER_KEY: masterKey,
    ADMIN_TOKEN: randomBytes(24).toString("base64url"),
    PORT: String(port),
    HOST: "127.0.0.1",
    WORKER_CONCURRENCY: String(concurrency),
    CCXT_URL_OVERRIDES: JSON.stringify({ binanceusdm: fakeUrl }),
  };
  const profiling: Record<string, string> = values.profile
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values.profile}` }
    : {};
  const apiProc = startEntry("api/main.ts", { ...env, ...profiling, LOG_LEVEL: "info", ...apiEnv }, [], {
    ...session,
    nodeArgs: values["api-node-options"].split(" ").filter(Boolean),
  });
  const workerProcs = Array.from({ length: workers }, () =>
    startEntry("worker/main.ts", { ...env, ...profiling, LOG_LEVEL: "info", ...workerEnv }, [], {
      ...session,
      nodeArgs: values["worker-node-options"].split(" ").filter(Boolean),
    }),
  );
  procs.push(apiProc, ...workerProcs);
  await Promise.all([apiProc.waitFor(/api is up/), ...workerProcs.map((w) => w.waitFor(/worker is up/))]);

  const adminPages = Number(values["admin-pages"])
    ? await openAdminPages({ api, token: env.ADMIN_TOKEN, pages: Number(values["admin-pages"]) })
    : undefined;

  const { webhook, waitTerminal, flatten } = fanoutSignals({
    api,
    sql: db.sql,
    symbol: SYMBOL,
    reconciling: workerEnv.RECONCILE_INTERVAL_MS !== "0",
    log,
  });

  // 4. Warm-up: markets loaded, pool built and code paths optimised, as in a process that has been running.
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    const warm = await webhook(warmup, { symbol: SYMBOL, action: "long", id: `warmup-${round}` });
    await waitTerminal(warm.signalId, WARMUP, 60_000);
    await flatten(warmup, `warmup-${round}`, WARMUP);
  }
  await control("reset-counters", {});

  // 5. Two measured passes of one signal each to the N followers: first on its own (throughput, first order),
  // then while the second strategy takes `secondRate` webhooks/s (the acknowledgement latency under load).
  const { startLoad, stopLoad } = secondStrategyLoad({
    url: `${api}/webhooks/tradingview/${second.slug}`,
    passphrase: second.passphrase,
    session,
    procs,
    log,
  });
  const pass = measurePass({
    control,
    load: { startLoad, stopLoad },
    signals: { webhook, waitTerminal, flatten },
    procs: { api: apiProc, workers: workerProcs, exchange: fakeProc },
    admin,
    dbName,
    prisma: db.prisma,
    strategy: main,
    symbol: SYMBOL,
    followers: N,
    log,
  });
  const idleAcks = async (durationMs: number) => {
    const loadProc = await startLoad("idle-load", secondRate);
    const steal = await stolenTime();
    await sleep(durationMs);
    const stolen = await steal();
    const load = await stopLoad(loadProc);
    const acks = [...load.acks.map(([, ms]) => ms), ...load.failed.map(() => Number.POSITIVE_INFINITY)];
    return { stolen, failures: load.failed.length, acks: acks.sort((a, b) => a - b) };
  };
  // Three quiet passes, as the ceiling below is the best of three: single runs of either side vary by up to half
  // on this machine, and comparing Mimic's single run with the ceiling's best would measure the noise.
  const quiets = [await pass("bench-1", 0), await pass("bench-2", 0), await pass("bench-3", 0)];
  // Three loaded passes, their acks pooled: one pass at N=10,000 sees ~130-250 deliveries, so its p99 is its
  // second or third slowest, and one stall of this machine (see the idle line) decides it on its own.
  const loadeds = [
    await pass("bench-loaded-1", secondRate),
    await pass("bench-loaded-2", secondRate),
    await pass("bench-loaded-3", secondRate),
  ];
  const loadedMs = loadeds.reduce((sum, l) => sum + l.totalMs, 0);
  // The same webhook load with no fan-out running, as long as the loaded passes together: the floor this machine
  // puts under their acks, so that what the fan-out adds can be told from what the machine does on its own.
  const { stolen: idleStolen, acks: idle, failures: idleFailures } = await idleAcks(Math.max(3000, loadedMs));
  log(
    `idle acks (second strategy at ${secondRate}/s, no fan-out, ${idle.length - idleFailures}): p50 ${quantile(idle, 0.5).toFixed(1)} ms p99 ${quantile(idle, 0.99).toFixed(1)} ms; slowest ${idle
      .slice(-8)
      .map((a) => a.toFixed(1))
      .join(" ")}; ${idleStolen}; ack failures ${idleFailures} (in the percentiles as infinite)`,
  );

  if (adminPages) {
    log(
      `admin pages: ${values["admin-pages"]} open, ${adminPages.updates()} updates, ${adminPages.reads()} page reads`,
    );
    await adminPages.stop();
  }
  for (const p of [apiProc, ...workerProcs]) await p.stop();
  await db.close();
  // Nothing else running means Postgres too: autovacuum of the tables the passes filled would take CPU from the
  // ceiling and flatter the ratio.
  log(`raw: Postgres quiet after ${await waitForQuietPostgres(admin, dbName)} ms`);

  // 6. The ceiling: the same orders sent straight to the same server by the leanest client built on ccxt's HTTP
  // client (bench/raw-orders.ts), nothing else running. Keys as Mimic's passes use them: N distinct keys, one
  // order each per run (2,000 other keys for the warm-up runs, as for Mimic's warm-up signals). Warmed first, as
  // Mimic was: a cold run (connections opened, code compiled during it) understates the ceiling by up to half,
  // which would flatter the ratio. Then its concurrency tuned on this machine (runs of N orders at each candidate,
  // the best of --raw-tune-rounds each), then the best of three at the fastest, as Mimic gets the best of three
  // quiet passes: it is a ceiling, and single runs vary by a third on this machine.
  const { rawBest, rawConcurrency } = await measureCeiling({
    url: fakeUrl,
    symbol: SYMBOL,
    exchangePid: fakeProc.child.pid as number,
    orders: N,
    warmup: { orders: WARMUP, rounds: WARMUP_ROUNDS },
    ownConcurrency: workers * concurrency,
    concurrency: values["raw-concurrency"],
    tuneRounds: Number(values["raw-tune-rounds"]),
    log,
  });

  printFanoutSummary({ followers: N, quiets, loadeds, rawBest, rawConcurrency, log });
} finally {
  await Promise.all(procs.map((p) => p.stop()));
  await state.drop();
}
