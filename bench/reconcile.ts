// npm run bench:reconcile -- --accounts 2000 --trades 10000 [--changed 1] [--interval 15000] [--concurrency 32]
//   [--targets 3] [--trailing none|breakeven|moving_target|percent] [--moved 0]
// One reconciliation cycle over N accounts holding M open trades between them, against the fake Binance in its own
// process, through the same code and settings as the worker's loop (worker/reconcile-loop.ts). `--changed` percent
// of the trades were closed by hand on the exchange before the cycle, so the cycle has real work to find too.
// Every trade holds `--targets` take-profit orders and a stop that moves by `--trailing` (percent: 1% behind the
// mark from 2% in favour); `--moved` percent of them are far enough in profit that their percent stop moves.
// Prints: reconcile accounts=… trades=… requests_per_account=… cycle_ms=… interval_ms=…
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pLimit from "p-limit";
import { createCredentialCipher } from "../core/accounts/credential-cipher.ts";
import { createCcxtExchangeFactory } from "../core/exchange/ccxt-exchange-factory.ts";
import { createExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import { createDb } from "../core/platform/db/create-db.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { createStrategy } from "../core/strategies/create-strategy.ts";
import { reconcileDueAccounts } from "../core/trades/reconcile-due-accounts.ts";
import { type Proc, startEntry } from "../test/processes.ts";
import { RECONCILE_CONCURRENCY, ROUND_LIMIT } from "../worker/reconcile-loop.ts";
import { createBenchState } from "./bench-state.ts";
import { cpuUsage, stolenTime } from "./cpu-usage.ts";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "2000" },
    trades: { type: "string", default: "10000" },
    changed: { type: "string", default: "1" },
    interval: { type: "string", default: "15000" },
    concurrency: { type: "string", default: String(RECONCILE_CONCURRENCY) },
    targets: { type: "string", default: "1" },
    trailing: { type: "string", default: "none" },
    moved: { type: "string", default: "0" },
  },
});
const TARGETS = Number(values.targets);
const TRAILING = values.trailing === "none" ? null : values.trailing;
const MOVED_PCT = Number(values.moved);
const ACCOUNTS = Number(values.accounts);
const TRADES = Number(values.trades);
const CHANGED_PCT = Number(values.changed);
const INTERVAL = Number(values.interval);
const perAccount = Math.ceil(TRADES / ACCOUNTS);
const log = (msg: string) => process.stdout.write(`${msg}\n`);

const state = await createBenchState();
const procs: Proc[] = [];
try {
  const fakeProc = startEntry("test/fake-binance/main.ts", {}, ["--port", "0", "--extra-symbols", String(perAccount)]);
  procs.push(fakeProc);
  await fakeProc.waitFor(/^http:\/\/\S+\n/m);
  const fakeUrl = (/^(http:\/\/\S+)\n/m.exec(fakeProc.output()) as RegExpExecArray)[1] as string;
  const control = async (path: string, body?: unknown) =>
    (
      await fetch(
        `${fakeUrl}/__control/${path}`,
        body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
      )
    ).json() as Promise<Record<string, number>>;

  const db = await createDb({ databaseUrl: state.databaseUrl, dataDir: ".data", poolMax: 10 });
  await db.migrate();
  const masterKey = randomBytes(32).toString("base64");
  const cipher = createCredentialCipher({ masterKey });
  const strategy = await createStrategy({ name: "Bench reconcile" }, { db: db.prisma });
  const strategyId = (await db.prisma.strategy.findUniqueOrThrow({ where: { slug: strategy.slug } })).id;

  // Accounts, their subscriptions, and trades: `perAccount` symbols each, round-robin until M trades.
  const seeded = performance.now();
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => {
    const apiKey = `recon-${i}`;
    const sealed = cipher.seal(JSON.stringify({ apiKey, secret: `secret-${apiKey}` }));
    return { i, apiKey, userId: randomUUID(), id: randomUUID(), subId: randomUUID(), sealed };
  });
  await db.prisma.user.createMany({ data: accounts.map((a) => ({ id: a.userId })) });
  await db.prisma.exchangeAccount.createMany({
    data: accounts.map((a) => ({
      id: a.id,
      userId: a.userId,
      exchange: "binanceusdm",
      credentials: a.sealed.envelope,
      credentialKeyId: a.sealed.keyId,
    })),
  });
  await db.prisma.subscription.createMany({
    data: accounts.map((a) => ({
      id: a.subId,
      accountId: a.id,
      strategyId,
      sizingMode: "fixed" as const,
      sizingValue: "100",
    })),
  });
  const movedEvery = MOVED_PCT > 0 ? Math.max(1, Math.round(100 / MOVED_PCT)) : 0;
  const trades = Array.from({ length: TRADES }, (_, t) => {
    const a = accounts[t % ACCOUNTS] as (typeof accounts)[number];
    const coin = Math.floor(t / ACCOUNTS) + 1;
    // The mark is 100: an entry at 95 is 5% in profit, past the percent stop's 2% activation.
    const entry = movedEvery && t % movedEvery === 1 ? "95" : "100";
    return { id: randomUUID(), a, symbol: `COIN${coin}/USDT:USDT`, raw: `COIN${coin}USDT`, entry };
  });
  const trailing =
    TRAILING === "percent"
      ? { mode: "percent", distancePerc: "1", activationPerc: "2" }
      : TRAILING
        ? { mode: TRAILING }
        : undefined;
  for (let start = 0; start < trades.length; start += 5000) {
    const chunk = trades.slice(start, start + 5000);
    await db.prisma.trade.createMany({
      data: chunk.map((t) => ({
        id: t.id,
        accountId: t.a.id,
        strategyId,
        subscriptionId: t.a.subId,
        symbol: t.symbol,
        side: "long",
        status: "open" as const,
        liveKey: `${t.a.id}|${t.symbol}`,
        requestedAmount: "1",
        entryAmount: "1",
        entryPrice: t.entry,
        openAmount: "1",
        ...(trailing && { trailing, stopPrice: "90" }),
      })),
    });
    // Each trade's entry (whose client order id names its moved stops), as the copying path writes it.
    await db.prisma.order.createMany({
      data: chunk.map((t) => ({
        tradeId: t.id,
        kind: "entry" as const,
        clientOrderId: `mmb${t.id.replaceAll("-", "").slice(0, 26)}-e`,
        symbol: t.symbol,
        side: "buy",
        type: "market",
        requestedAmount: "1",
        filledAmount: "1",
        avgPrice: t.entry,
        status: "filled" as const,
      })),
    });
    const base = (t: (typeof chunk)[number]) => `mmb${t.id.replaceAll("-", "").slice(0, 26)}`;
    const share = (1 / TARGETS).toFixed(2);
    await db.prisma.order.createMany({
      data: chunk.flatMap((t) => [
        ...Array.from({ length: TARGETS }, (_, leg) => ({
          tradeId: t.id,
          kind: "take_profit" as const,
          leg,
          clientOrderId: `${base(t)}-tp${leg ? leg + 1 : ""}`,
          symbol: t.symbol,
          side: "sell",
          type: "take_profit",
          reduceOnly: true,
          requestedAmount: leg === TARGETS - 1 ? (1 - Number(share) * (TARGETS - 1)).toFixed(2) : share,
          triggerPrice: String(110 + leg * 5),
          status: "open" as const,
        })),
        {
          tradeId: t.id,
          kind: "stop_loss" as const,
          clientOrderId: `${base(t)}-sl`,
          symbol: t.symbol,
          side: "sell",
          type: "stop_loss",
          reduceOnly: true,
          requestedAmount: "1",
          triggerPrice: "90",
          status: "open" as const,
        },
      ]),
    });
  }
  // ... and rests their TP/SL, as the copying path placed them (reconciliation's stop audit reads them).
  const share = (1 / TARGETS).toFixed(2);
  for (let start = 0; start < trades.length; start += 2000) {
    const orders = trades.slice(start, start + 2000).flatMap((t) => {
      const base = `mmb${t.id.replaceAll("-", "").slice(0, 26)}`;
      return [
        ...Array.from({ length: TARGETS }, (_, leg) => ({
          apiKey: t.a.apiKey,
          symbol: t.raw,
          side: "SELL",
          type: "TAKE_PROFIT_MARKET",
          triggerPrice: String(110 + leg * 5),
          quantity: leg === TARGETS - 1 ? (1 - Number(share) * (TARGETS - 1)).toFixed(2) : share,
          clientAlgoId: `${base}-tp${leg ? leg + 1 : ""}`,
        })),
        {
          apiKey: t.a.apiKey,
          symbol: t.raw,
          side: "SELL",
          type: "STOP_MARKET",
          triggerPrice: "90",
          quantity: "1",
          clientAlgoId: `${base}-sl`,
        },
      ];
    });
    await control("algo-orders", { orders });
  }
  // The exchange holds those positions, except the ones "the follower closed by hand".
  const changed = new Set(
    trades.filter((_, t) => t % Math.max(1, Math.round(100 / CHANGED_PCT)) === 0).map((t) => t.id),
  );
  for (let start = 0; start < trades.length; start += 2000) {
    const positions = trades
      .slice(start, start + 2000)
      .filter((t) => !changed.has(t.id))
      .map((t) => ({ apiKey: t.a.apiKey, symbol: t.raw, amt: "1", entryPrice: "100" }));
    await control("positions", { positions });
  }
  if (CHANGED_PCT > 0) {
    const limit = pLimit(16);
    await Promise.all(
      trades
        .filter((t) => changed.has(t.id))
        .map((t) =>
          limit(async () => {
            await control("positions", {
              positions: [{ apiKey: t.a.apiKey, symbol: t.raw, amt: "1", entryPrice: "100" }],
            });
            await control("user-order", {
              apiKey: t.a.apiKey,
              symbol: t.raw,
              side: "SELL",
              qty: "1",
              reduceOnly: true,
            });
          }),
        ),
    );
  }
  log(
    `seeded ${ACCOUNTS} accounts, ${TRADES} open trades (${changed.size} closed by hand) in ${Math.round(performance.now() - seeded)} ms`,
  );

  // The worker's exchange clients, markets loaded before the clock starts (a worker has them loaded).
  const ccxt = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fakeUrl }, timeoutMs: 10_000 });
  const exchanges = createExchangeResolver({ cipher, ccxt, paper: { db: db.prisma } });
  await ccxt.publicPrice("binanceusdm", "COIN1/USDT:USDT");
  const deps = { db: db.prisma, sql: db.sql, exchanges, logger: silentLogger, now: () => new Date() };

  // The seeding's garbage (tens of thousands of rows through Prisma) is collected before the clock starts: the
  // cycle pays for its own allocations, not for the setup's.
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  const before = await control("stats");
  await db.prisma.exchangeAccount.updateMany({ data: { reconcileDueAt: new Date() } });
  const cpu = await cpuUsage({ mimic: [process.pid], exchange: [fakeProc.child.pid as number], postgres: "postgres" });
  const steal = await stolenTime();
  const started = performance.now();
  let reconciled = 0;
  let changedSeen = 0;
  let failed = 0;
  // Back to back, as many rounds as it takes to give every account its turn: the busy time of one cycle.
  for (;;) {
    const round = await reconcileDueAccounts(deps, {
      intervalMs: INTERVAL,
      limit: ROUND_LIMIT,
      concurrency: Number(values.concurrency),
    });
    if (round.accounts === 0) break;
    reconciled += round.accounts;
    changedSeen += round.changed;
    failed += round.failed;
  }
  const cycleMs = Math.round(performance.now() - started);
  const after = await control("stats");
  const requests = (after.totalRequests as number) - (before.totalRequests as number) - 1;
  const closed = await db.prisma.trade.count({ where: { status: "closed", closeReason: "manual" } });
  const movedStops = await db.prisma.order.count({ where: { kind: "stop_loss", leg: { gt: 0 } } });
  const spent = await cpu();
  const stolen = await steal();
  log(
    `cycle: ${reconciled} accounts in ${cycleMs} ms, ${requests} requests to the exchange, ${changedSeen} trades changed, ${closed} closed as manual, ${movedStops} stops moved, ${failed} failed; cpu seconds: ${Object.entries(
      spent,
    )
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(", ")}; ${stolen}`,
  );
  log(
    `reconcile accounts=${ACCOUNTS} trades=${TRADES} targets=${TARGETS} trailing=${TRAILING ?? "none"} moved_pct=${MOVED_PCT} requests_per_account=${(requests / ACCOUNTS).toFixed(2)} cycle_ms=${cycleMs} interval_ms=${INTERVAL}`,
  );
  ccxt.close();
  await db.close();
} finally {
  await Promise.all(procs.map((p) => p.stop()));
  await state.drop();
}
