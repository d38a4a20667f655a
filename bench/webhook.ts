// npm run bench:webhook -- [--count 1000] [--rate 50] [--with-worker] [--wrong-count 2000] [--wrong-rate 1000]
//   [--baseline-ref eb34c00] [--only-wrong-passphrase]
// The API process on its own (or, with --with-worker, beside a worker that fans each signal out to the strategy's
// no followers, as in bench:fanout's idle line): `count` webhooks at `rate`/s, each with its own id. Prints the
// ack latency and the API's CPU per webhook, split into user and kernel time. Then what wrong passphrases and
// unknown strategies cost the database, before the webhook hardening (the API at --baseline-ref) and now
// (bench/webhook-wrong-passphrase.ts). See docs/performance.md.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createDb } from "../core/platform/db/create-db.ts";
import { createStrategy } from "../core/strategies/create-strategy.ts";
import { freePort, startEntry } from "../test/processes.ts";
import { createBenchState, REDIS_URL } from "./bench-state.ts";
import { wrongPassphraseCost } from "./webhook-wrong-passphrase.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    rate: { type: "string", default: "50" },
    "with-worker": { type: "boolean", default: false },
    "wrong-count": { type: "string", default: "2000" },
    "wrong-rate": { type: "string", default: "1000" },
    // The last commit before the webhook hardening: the "before" of the wrong-passphrase figures.
    "baseline-ref": { type: "string", default: "eb34c00" },
    "only-wrong-passphrase": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const rate = Number(values.rate);
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const state = await createBenchState();

/** utime and stime of a process, in ms. */
async function cpuMs(pid: number) {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(fields[11]) * 10, sys: Number(fields[12]) * 10 };
}

const procs: ReturnType<typeof startEntry>[] = [];
try {
  const db = await createDb({ databaseUrl: state.databaseUrl, dataDir: ".data", poolMax: 2 });
  await db.migrate();
  const strategy = await createStrategy({ name: "Bench webhook" }, { db: db.prisma });
  await db.close();

  const port = await freePort();
  const env = {
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    DATABASE_URL: state.databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: state.prefix,
    MASTER_KEY: randomBytes(32).toString("base64"),
    ADMIN_TOKEN: randomBytes(24).toString("base64url"),
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  if (!values["only-wrong-passphrase"]) {
    const api = startEntry("api/main.ts", {
      ...env,
      ...(process.env.BENCH_PROFILE_DIR && {
        NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`,
      }),
    });
    procs.push(api);
    // Each process in a session of its own, as bench:fanout starts them.
    if (values["with-worker"]) {
      const worker = startEntry("worker/main.ts", env, [], {
        ownSession: true,
        nodeArgs: ["--max-old-space-size=448"],
      });
      procs.push(worker);
      await worker.waitFor(/worker is up/);
    }
    await api.waitFor(/api is up/);
    const pid = api.child.pid as number;

    const fire = async (id: string) => {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/webhooks/tradingview/${strategy.slug}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ passphrase: strategy.passphrase, symbol: "ETHUSDT", action: "long", id }),
      });
      await res.arrayBuffer();
      if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
      return performance.now() - started;
    };
    // Warm-up: code compiled, connections open.
    for (let i = 0; i < 100; i++) await fire(`warm-${i}`);

    const before = await cpuMs(pid);
    const acks: number[] = [];
    const inFlight: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      inFlight.push(fire(`run-${i}`).then((ms) => void acks.push(ms)));
      const next = started + ((i + 1) * 1000) / rate;
      await sleep(Math.max(0, next - performance.now()));
    }
    await Promise.all(inFlight);
    const after = await cpuMs(pid);
    acks.sort((a, b) => a - b);
    const q = (p: number) => (acks[Math.min(acks.length - 1, Math.floor(acks.length * p))] ?? 0).toFixed(1);
    const user = (after.user - before.user) / count;
    const sys = (after.sys - before.sys) / count;
    log(
      `webhook count=${count} rate=${rate} ack_p50_ms=${q(0.5)} ack_p99_ms=${q(0.99)} ack_max_ms=${q(1)} api_cpu_ms_per_webhook=${(user + sys).toFixed(2)} user=${user.toFixed(2)} sys=${sys.toFixed(2)}`,
    );
  }
  // Each API of the comparison on its own: the ack run's processes are gone first.
  await Promise.all(procs.splice(0).map((p) => p.stop()));
  await wrongPassphraseCost({
    databaseUrl: state.databaseUrl,
    env,
    slug: strategy.slug,
    passphrase: strategy.passphrase,
    baselineRef: values["baseline-ref"],
    count: Number(values["wrong-count"]),
    rate: Number(values["wrong-rate"]),
    log,
  });
} finally {
  await Promise.all(procs.map((p) => p.stop()));
  await state.drop();
}
