import { createApp } from "../api/app.ts";
import type { AppDeps } from "../api/app-deps.ts";
import { createBackgroundWork } from "../api/background-work.ts";
import { createCredentialCipher } from "../core/accounts/credential-cipher.ts";
import { createCcxtExchangeFactory } from "../core/exchange/ccxt-exchange-factory.ts";
import { createCcxtKeyPermissions } from "../core/exchange/ccxt-key-permissions.ts";
import { createExchangeResolver, type ExchangeResolver } from "../core/exchange/exchange-resolver.ts";
import { createPaperPrices, type PaperPrices } from "../core/exchange/paper/paper-prices.ts";
import { type PaperTriggerResult, triggerPaperOrders } from "../core/exchange/paper/trigger-paper-orders.ts";
import type { Notifier } from "../core/notifications/notification-message.ts";
import type { Clock } from "../core/platform/clock.ts";
import type { Db } from "../core/platform/db/create-db.ts";
import { silentLogger } from "../core/platform/logger.ts";
import { generateAdminToken, generateMasterKey } from "../core/platform/secrets.ts";
import { createStrategyLookup } from "../core/strategies/strategy-lookup.ts";
import { type ReconcileRound, reconcileDueAccounts, scheduleAccounts } from "../core/trades/reconcile-due-accounts.ts";
import { createInProcessQueue } from "../worker/in-process-queue.ts";
import { buildProcessors } from "../worker/processors.ts";

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  /** What the bots and workers trade and link through, over the same fakes. */
  exchanges: ExchangeResolver;
  queue: ReturnType<typeof createInProcessQueue>;
  /** Sends a request to the app as a client would. */
  request(method: string, path: string, body?: unknown, opts?: { auth?: boolean; raw?: string }): Promise<Response>;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  /** One reconciliation turn for every account with something to reconcile, as the worker's loop takes them. */
  reconcile(): Promise<ReconcileRound>;
  /** One paper tick (resting paper TP/SL against the price), then the reconciliation it asks for. */
  paperTick(): Promise<PaperTriggerResult>;
  paperPrices: PaperPrices;
  close(): Promise<void>;
}

/** The whole product wired in-process over a test database: API, in-process queue and job processors. */
export function createHarness(opts: {
  db: Db;
  clock?: Clock;
  ccxtUrlOverrides?: Record<string, string>;
  /** A ccxt venue (usually pointed at a fake by ccxtUrlOverrides) whose public price paper accounts trade at. */
  paperPriceVenue?: string;
  /** Reconciliation's stop audit (core/trades/stop-audit.ts): 1 every turn; default 0, never. */
  stopAuditEvery?: number;
  paperPrices?: Record<string, string>;
  concurrency?: number;
  retry?: { attempts: number; backoffMs: number; maxBackoffMs: number };
  /** Chat transports whose notification jobs the harness delivers. */
  notifiers?: Notifier[];
  /** PLISIO_SECRET_KEY for POST /webhooks/plisio (test/fake-plisio); unset: callbacks are refused. */
  plisioSecretKey?: string;
}): Harness {
  const clock = opts.clock ?? { now: () => new Date() };
  const cipher = createCredentialCipher({ masterKey: generateMasterKey() });
  const ccxt = createCcxtExchangeFactory({ urlOverrides: opts.ccxtUrlOverrides, timeoutMs: 2000 });
  const venue = opts.paperPriceVenue;
  const paperPrices = createPaperPrices({
    live: venue ? (symbol) => ccxt.publicPrice(venue, symbol) : undefined,
    configured: opts.paperPrices,
  });
  const exchanges = createExchangeResolver({
    cipher,
    ccxt,
    paper: { db: opts.db.prisma, prices: paperPrices },
  });
  const retry = opts.retry ?? { attempts: 5, backoffMs: 20, maxBackoffMs: 200 };
  const concurrency = opts.concurrency ?? 16;
  const queue = createInProcessQueue({ logger: silentLogger, concurrency, retry });
  const deps: AppDeps = {
    db: opts.db.prisma,
    strategies: createStrategyLookup(opts.db.prisma),
    queue,
    logger: silentLogger,
    clock,
    cipher,
    exchanges: async () => exchanges,
    keyPermissions: createCcxtKeyPermissions({ urlOverrides: opts.ccxtUrlOverrides, timeoutMs: 2000 }),
    adminToken: generateAdminToken(),
    publicUrl: "http://mimic.test",
    dedupeWindowSec: 30,
    dbPing: () => opts.db.ping(),
    background: createBackgroundWork(),
    plisio: { secretKey: opts.plisioSecretKey },
  };
  queue.start(
    buildProcessors({
      db: opts.db.prisma,
      sql: opts.db.sql,
      queue,
      exchanges,
      clock,
      logger: silentLogger,
      notifiers: opts.notifiers,
      concurrency,
      retry,
    }),
  );
  const app = createApp(deps);

  const request: Harness["request"] = (method, path, body, o = {}) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (o.auth !== false) headers.authorization = `Bearer ${deps.adminToken}`;
    const payload = o.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    return Promise.resolve(app.request(path, { method, headers, body: payload }));
  };

  return {
    app,
    deps,
    exchanges,
    queue,
    request,
    async admin(method, path, body) {
      const res = await request(method, path, body);
      const json = await res.json();
      if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    paperPrices,
    async reconcile() {
      const reconcileDeps = {
        db: opts.db.prisma,
        sql: opts.db.sql,
        exchanges,
        logger: silentLogger,
        now: () => clock.now(),
        // Tests that count a turn's requests must not meet an audit turn by chance: none unless asked for.
        stopAuditEvery: opts.stopAuditEvery ?? 0,
      };
      await scheduleAccounts(reconcileDeps, 1);
      // Everyone's turn now, as if a whole interval had passed.
      await opts.db.prisma.exchangeAccount.updateMany({
        where: { reconcileDueAt: { not: null } },
        data: { reconcileDueAt: clock.now() },
      });
      return reconcileDueAccounts(reconcileDeps, { intervalMs: 15_000, limit: 10_000, concurrency: 8 });
    },
    async paperTick() {
      return triggerPaperOrders({ db: opts.db.prisma, prices: paperPrices });
    },
    async close() {
      await deps.background.settled();
      await queue.close();
      ccxt.close();
    },
  };
}

/** Creates a strategy and `n` followers on paper accounts subscribed to it. */
export async function seedPaperFollowers(
  h: Harness,
  n: number,
  sizing: { mode: string; value?: string } = { mode: "fixed", value: "1000" },
) {
  const strategy = await h.admin<{ id: string; slug: string; passphrase: string; webhookUrl: string }>(
    "POST",
    "/api/admin/strategies",
    { name: `Strategy ${Math.random().toString(36).slice(2, 8)}` },
  );
  const followers: { userId: string; accountId: string; subscriptionId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", { displayName: `follower ${i}` });
    const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "paper",
      paperBalance: "10000",
    });
    const sub = await h.admin<{ id: string }>("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: strategy.slug,
      sizing,
      maxLeverage: 10,
    });
    followers.push({ userId: user.id, accountId: account.id, subscriptionId: sub.id });
  }
  return { strategy, followers };
}
