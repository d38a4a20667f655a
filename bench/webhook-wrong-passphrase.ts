// What unauthenticated webhook traffic costs the database: the same API process before the webhook hardening
// (the code at `baselineRef`, checked out into a temporary directory) and now, each behind a proxy that counts
// the statements reaching Postgres. See docs/performance.md, "Webhook hardening".
import { execSync } from "node:child_process";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, repoRoot, startEntry } from "../test/processes.ts";
import { startStatementCounter } from "./pg-statement-counter.ts";

interface Scenario {
  name: "wrong_passphrase" | "unknown_slug" | "valid_during_flood";
  senders: string[];
  slug: string;
  /** Every this many deliveries, one with the right passphrase from the first sender, timed. */
  validEvery?: number;
}

interface Outcome {
  statements: number;
  statuses: Map<number, number>;
  valid: { status: number; ms: number }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Keep-alive connections, one pool per API process (a stopped process's sockets are not reused).
let agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** One POST from `localAddress` (any 127.x.y.z is this machine): the address the API counts failures by. */
function post(port: number, urlPath: string, body: string, localAddress: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: urlPath,
        method: "POST",
        localAddress,
        agent,
        headers: { "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    // A connection reset (the server closing an idle keep-alive socket as it is reused) counts as status 0.
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

async function checkOut(ref: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "mimic-baseline-"));
  execSync(`git -C ${JSON.stringify(repoRoot)} archive ${ref} | tar -x -C ${JSON.stringify(dir)}`);
  // The generated Prisma client and the packages are the working tree's: the schema did not change with it.
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  await symlink(path.join(repoRoot, "generated"), path.join(dir, "generated"));
  return dir;
}

export async function wrongPassphraseCost(opts: {
  databaseUrl: string;
  env: Record<string, string>;
  slug: string;
  passphrase: string;
  baselineRef: string;
  count: number;
  rate: number;
  log: (line: string) => void;
}) {
  const target = new URL(opts.databaseUrl);
  const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(opts.databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(counter.port);
  const baseline = await checkOut(opts.baselineRef);
  const scenarios: Scenario[] = [
    { name: "wrong_passphrase", senders: ["127.0.0.1"], slug: opts.slug },
    { name: "wrong_passphrase", senders: range(100, (i) => `127.0.1.${i + 1}`), slug: opts.slug },
    { name: "unknown_slug", senders: range(100, (i) => `127.0.2.${i + 1}`), slug: "no-such-strategy" },
    // The same sender as the first flood, past its limit: its own valid deliveries must still go through, unslowed.
    { name: "valid_during_flood", senders: ["127.0.0.1"], slug: opts.slug, validEvery: 40 },
  ];
  const results = new Map<string, Partial<Record<"before" | "after", Outcome>>>();
  try {
    for (const [version, entry] of [
      ["before", path.join(baseline, "api/main.ts")],
      ["after", "api/main.ts"],
    ] as const) {
      const port = await freePort();
      const api = startEntry(entry, {
        ...opts.env,
        DATABASE_URL: proxied.toString(),
        RUN_MIGRATIONS: "false",
        PORT: String(port),
      });
      try {
        await api.waitFor(/api is up/);
        for (const s of scenarios) {
          const from = counter.statements();
          const outcome = await flood(port, s, opts, `${version}-${s.name}`);
          // The lookup's background refresh of a stale entry may still be on its way.
          await sleep(200);
          outcome.statements = counter.statements() - from;
          const key = `${s.name} senders=${s.senders.length}`;
          results.set(key, { ...results.get(key), [version]: outcome });
        }
      } finally {
        await api.stop();
        agent.destroy();
        agent = new Agent({ keepAlive: true, maxSockets: 32 });
      }
    }
  } finally {
    agent.destroy();
    await counter.close();
    await rm(baseline, { recursive: true, force: true });
  }
  for (const [key, r] of results) {
    const { before, after } = r;
    if (!before || !after) continue;
    if (key.startsWith("valid_during_flood")) {
      const summary = (o: Outcome) => {
        const ms = o.valid.map((v) => v.ms).sort((a, b) => a - b);
        const q = (p: number) => (ms[Math.min(ms.length - 1, Math.floor(ms.length * p))] ?? 0).toFixed(1);
        return { accepted: o.valid.filter((v) => v.status === 202).length, p50: q(0.5), p99: q(0.99) };
      };
      const [b, a] = [summary(before), summary(after)];
      opts.log(
        `webhook ${key} valid=${after.valid.length} accepted_before=${b.accepted} after=${a.accepted} ack_p50_ms_before=${b.p50} after=${a.p50} ack_p99_ms_before=${b.p99} after=${a.p99}`,
      );
      continue;
    }
    const ratio = before.statements ? after.statements / before.statements : 0;
    const statuses = [...after.statuses].map(([code, n]) => `${code}:${n}`).join(",");
    opts.log(
      `webhook ${key} requests=${opts.count} rate=${opts.rate} db_queries_before=${before.statements} after=${after.statements} ratio=${(ratio * 100).toFixed(2)}% statuses_after=${statuses}`,
    );
  }
}

/** `count` wrong deliveries at `rate`/s spread over the scenario's senders, and its valid ones among them. */
async function flood(
  port: number,
  s: Scenario,
  opts: { count: number; rate: number; passphrase: string },
  run: string,
): Promise<Outcome> {
  const wrong = JSON.stringify({ passphrase: "not-the-passphrase", symbol: "ETHUSDT", action: "long" });
  const outcome: Outcome = { statements: 0, statuses: new Map(), valid: [] };
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < opts.count; i++) {
    const sender = s.senders[i % s.senders.length] ?? "127.0.0.1";
    if (s.validEvery && i % s.validEvery === 0) {
      const valid = { passphrase: opts.passphrase, symbol: "ETHUSDT", action: "long", id: `${run}-${i}` };
      const sentAt = performance.now();
      inFlight.push(
        post(port, `/webhooks/tradingview/${s.slug}`, JSON.stringify(valid), s.senders[0] ?? sender).then((status) => {
          outcome.valid.push({ status, ms: performance.now() - sentAt });
        }),
      );
    }
    inFlight.push(
      post(port, `/webhooks/tradingview/${s.slug}`, wrong, sender).then((status) => {
        outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1);
      }),
    );
    await sleep(Math.max(0, started + ((i + 1) * 1000) / opts.rate - performance.now()));
  }
  await Promise.all(inFlight);
  return outcome;
}

function range<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}
