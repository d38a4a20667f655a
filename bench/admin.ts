// npm run bench:admin [-- --runs 30]
// Seeds two databases, a small one (1,000 followers, 200 trades, 10,000 executions) and a large one (10,000
// followers, 2,000 trades, 100,000 executions), then times the server's render of each admin page (the HTML the
// route answers, database reads included) on both, through app.request as a browser's request would take it.
// Prints: admin page=<name> small_ms=<median> large_ms=<median> ratio=<large/small>. Target: every ratio <= 2.
import { parseArgs } from "node:util";
import { createApp } from "../api/app.ts";
import type { AppDeps } from "../api/app-deps.ts";
import { createBackgroundWork } from "../api/background-work.ts";
import { createCredentialCipher } from "../core/accounts/credential-cipher.ts";
import { unknownKeyPermissions } from "../core/accounts/key-permissions.ts";
import { createDb, type Db, inMemoryDataDir } from "../core/platform/db/create-db.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { generateMasterKey } from "../core/platform/secrets.ts";
import { createStrategyLookup } from "../core/strategies/strategy-lookup.ts";
import { createBenchState } from "./bench-state.ts";
import { quantile } from "./quantile.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const RUNS = Number(values.runs);
const STRATEGIES = 5;
const EXECUTIONS_PER_FOLLOWER = 10;
const log = (msg: string) => process.stdout.write(`${msg}\n`);
const ADMIN_TOKEN = "bench-admin-token";

// Ids are v4 uuids, as the app's own are (the pages refuse anything else): a hash of a readable name, with the
// version and variant digits set.
const id = (kind: string, expr: string) =>
  `overlay(overlay(md5('${kind}-' || ${expr}) placing '4' from 13) placing '8' from 17)::uuid::text`;

/** Followers, their accounts and subscriptions, signals fanned out to them, trades and audit rows, all in SQL. */
async function seed(db: Db, followers: number): Promise<{ userId: string; signalId: string; strategyId: string }> {
  const q = (text: string, params: unknown[] = []) => db.sql.query(text, params);
  const trades = followers / 5;
  const signalsPerStrategy = EXECUTIONS_PER_FOLLOWER;
  await q(`INSERT INTO "Strategy" ("id", "name", "slug", "passphraseHash")
    SELECT ${id("strategy", "s")}, 'Strategy ' || s, 'strategy-' || s, 'x' FROM generate_series(1, ${STRATEGIES}) s`);
  // Users joined over 90 days; every fifth has Telegram, every seventh Discord.
  await q(
    `INSERT INTO "User" ("id", "displayName", "telegramId", "discordId", "createdAt")
    SELECT ${id("user", "i")}, 'follower ' || i, CASE WHEN i % 5 = 0 THEN (100000 + i)::text END,
      CASE WHEN i % 7 = 0 THEN (900000000000000000 + i)::text END, now() - (i % 90) * interval '1 day' - i * interval '1 second'
    FROM generate_series(1, $1) i`,
    [followers],
  );
  await q(
    `INSERT INTO "ExchangeAccount" ("id", "userId", "exchange", "lastContactTriedAt", "lastContactAt")
    SELECT ${id("account", "i")}, ${id("user", "i")}, 'paper', now() - interval '20 seconds',
      CASE WHEN i % 10 = 0 THEN NULL ELSE now() - interval '20 seconds' END
    FROM generate_series(1, $1) i`,
    [followers],
  );
  await q(
    `INSERT INTO "Subscription" ("id", "accountId", "strategyId", "sizingMode", "sizingValue")
    SELECT ${id("sub", "i")}, ${id("account", "i")}, ${id("strategy", `(1 + i % ${STRATEGIES})`)}, 'fixed', 1000
    FROM generate_series(1, $1) i`,
    [followers],
  );
  // Each strategy's signals over 30 days, each fanned out to all of its followers: 10 executions per follower.
  await q(`INSERT INTO "Signal" ("id", "strategyId", "dedupeKey", "bodyHash", "action", "rawSymbol", "symbol", "status",
      "receivedAt", "price")
    SELECT ${id("signal", "s || '-' || n")}, ${id("strategy", "s")}, 'id:' || n, 'h', 'long', 'BTCUSDT', 'BTC/USDT:USDT', 'dispatched',
      now() - n * interval '3 days' - s * interval '1 minute', 65000
    FROM generate_series(1, ${STRATEGIES}) s, generate_series(0, ${signalsPerStrategy - 1}) n`);
  await q(
    `INSERT INTO "Execution" ("id", "signalId", "subscriptionId", "accountId", "status", "clientOrderId", "error",
      "createdAt", "updatedAt")
    SELECT ${id("exec", "i || '-' || n")}, ${id("signal", `(1 + i % ${STRATEGIES}) || '-' || n`)}, ${id("sub", "i")},
      ${id("account", "i")},
      (CASE WHEN i % 20 = 0 THEN 'failed' WHEN i % 13 = 0 THEN 'skipped' ELSE 'filled' END)::"ExecutionStatus",
      'mm' || i || '-' || n, CASE WHEN i % 20 = 0 THEN 'not enough margin' END,
      now() - n * interval '3 days', now() - n * interval '3 days' + interval '1 second'
    FROM generate_series(1, $1) i, generate_series(0, ${signalsPerStrategy - 1}) n`,
    [followers],
  );
  // Trades: a tenth open, the rest closed over 30 days, a little over half of them winners.
  await q(
    `INSERT INTO "Trade" ("id", "accountId", "strategyId", "subscriptionId", "symbol", "side", "status", "liveKey",
      "requestedAmount", "entryAmount", "entryPrice", "openAmount", "exitAmount", "exitPrice", "realisedPnl", "fees",
      "closeReason", "openedAt", "closedAt", "updatedAt")
    SELECT ${id("trade", "i")}, ${id("account", "i")}, ${id("strategy", `(1 + i % ${STRATEGIES})`)}, ${id("sub", "i")},
      'BTC/USDT:USDT', 'long',
      (CASE WHEN i % 10 = 0 THEN 'open' ELSE 'closed' END)::"TradeStatus",
      CASE WHEN i % 10 = 0 THEN ${id("account", "i")} || '|BTC/USDT:USDT' END, 0.01, 0.01, 65000,
      CASE WHEN i % 10 = 0 THEN 0.01 ELSE 0 END, CASE WHEN i % 10 = 0 THEN 0 ELSE 0.01 END, 65500,
      CASE WHEN i % 10 = 0 THEN 0 WHEN i % 9 < 5 THEN 5 ELSE -4 END, 0.3,
      (CASE WHEN i % 10 = 0 THEN NULL ELSE 'signal' END)::"CloseReason",
      now() - (i % 30) * interval '1 day' - interval '1 hour',
      CASE WHEN i % 10 = 0 THEN NULL ELSE now() - (i % 30) * interval '1 day' END, now()
    FROM generate_series(1, $1) i`,
    [trades],
  );
  await q(
    `INSERT INTO "AuditLog" ("id", "userId", "actor", "action", "at")
    SELECT ${id("audit", "i")}, ${id("user", "(1 + i % $1)")}, 'user:bench', CASE WHEN i % 3 = 0 THEN 'panic' ELSE 'subscription.updated' END,
      now() - i * interval '1 minute'
    FROM generate_series(1, $1 / 10) i`,
    [followers],
  );
  await q(`INSERT INTO "WorkerHeartbeat" ("id", "kind", "host", "pid", "startedAt", "seenAt")
    SELECT 'worker-' || i, 'worker', 'bench', i, now() - interval '1 hour', now() - interval '5 seconds'
    FROM generate_series(1, 4) i`);
  await q("ANALYZE");
  // A follower with trades, and a signal fanned out to a fifth of the followers.
  const [one] = await q(`SELECT ${id("user", "5")} AS "userId", ${id("signal", "'1-0'")} AS "signalId",
    ${id("strategy", "1")} AS "strategyId"`);
  return one as { userId: string; signalId: string; strategyId: string };
}

// The pages keep a few figures for a while (the overview's for 1 s, strategy counts for 10 s) however many operators
// look. The clock jumps 20 s before each timed request, so that every render here reads them afresh: what the
// bench measures is the cost of a read, not of a cache hit.
let clockOffsetMs = 0;

function appOver(db: Db) {
  const deps: AppDeps = {
    db: db.prisma,
    sql: db.sql,
    strategies: createStrategyLookup(db.prisma),
    queue: { add: async () => {}, addBulk: async () => {}, ping: async () => true, close: async () => {} },
    logger: silentLogger,
    clock: { now: () => new Date(Date.now() + clockOffsetMs) },
    cipher: createCredentialCipher({ masterKey: generateMasterKey() }),
    exchanges: async () => {
      throw new Error("no exchanges in the admin bench");
    },
    keyPermissions: unknownKeyPermissions,
    adminToken: ADMIN_TOKEN,
    publicUrl: "http://localhost",
    dedupeWindowSec: 30,
    dbPing: () => db.ping(),
    background: createBackgroundWork(),
  };
  return createApp(deps);
}

async function signIn(app: ReturnType<typeof createApp>): Promise<string> {
  const res = await app.request("/admin/login", {
    method: "POST",
    body: `token=${ADMIN_TOKEN}`,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
  });
  return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

type Pages = [name: string, path: string][];
type Target = { app: ReturnType<typeof createApp>; cookie: string; pages: Pages };

async function timeOnce(t: Target, path: string): Promise<number> {
  clockOffsetMs += 20_000;
  const t0 = performance.now();
  const res = await t.app.request(path, { headers: { cookie: t.cookie } });
  await res.text();
  if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
  return performance.now() - t0;
}

/**
 * Each page's median render on both databases, the runs alternating between them: a neighbour's load on the
 * machine then weighs on both sides alike instead of on whichever ran during it.
 */
async function timePages(small: Target, large: Target) {
  const out: { name: string; small: number; large: number }[] = [];
  for (const [i, [name, smallPath]] of small.pages.entries()) {
    const largePath = large.pages[i]?.[1] as string;
    const times = { small: [] as number[], large: [] as number[] };
    for (let run = 0; run < RUNS + 5; run++) {
      const a = await timeOnce(small, smallPath);
      const b = await timeOnce(large, largePath);
      if (run >= 5) {
        times.small.push(a);
        times.large.push(b);
      }
    }
    const mid = (xs: number[]) =>
      quantile(
        xs.sort((x, y) => x - y),
        0.5,
      );
    out.push({ name, small: mid(times.small), large: mid(times.large) });
  }
  return out;
}

const pagesFor = (s: { userId: string; signalId: string; strategyId: string }): Pages => [
  ["overview", "/admin"],
  ["followers", "/admin/followers"],
  ["followers-page-5", "/admin/followers?page=5"],
  ["followers-search-id", "/admin/followers?q=100005"],
  ["followers-search-name", "/admin/followers?q=follower%2042"],
  ["follower", `/admin/followers/${s.userId}`],
  ["strategies", "/admin/strategies"],
  ["signals", "/admin/signals"],
  ["signals-strategy", `/admin/signals?strategy=${s.strategyId}`],
  ["signal", `/admin/signals/${s.signalId}`],
  ["audit", "/admin/audit"],
  ["audit-action", "/admin/audit?action=panic"],
];

const targets: Target[] = [];
const cleanups: (() => Promise<void>)[] = [];
try {
  for (const followers of [1_000, 10_000]) {
    const state = await createBenchState();
    const db = await createDb({ databaseUrl: state.databaseUrl, dataDir: inMemoryDataDir, poolMax: 10 });
    cleanups.push(async () => {
      await db.close();
      await state.drop();
    });
    await db.migrate();
    const t0 = performance.now();
    const ids = await seed(db, followers);
    log(
      `# seeded ${followers} followers, ${followers / 5} trades, ${followers * EXECUTIONS_PER_FOLLOWER} executions in ${Math.round(performance.now() - t0)} ms`,
    );
    const app = appOver(db);
    targets.push({ app, cookie: await signIn(app), pages: pagesFor(ids) });
  }
  let worst = 0;
  for (const page of await timePages(targets[0] as Target, targets[1] as Target)) {
    const ratio = page.large / page.small;
    worst = Math.max(worst, ratio);
    log(
      `admin page=${page.name} small_ms=${page.small.toFixed(2)} large_ms=${page.large.toFixed(2)} ratio=${ratio.toFixed(2)}`,
    );
  }
  log(`# worst ratio ${worst.toFixed(2)} (target <= 2)`);
} finally {
  for (const cleanup of cleanups) await cleanup();
}
process.exit(0);
