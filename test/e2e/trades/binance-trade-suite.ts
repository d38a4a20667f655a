import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { Notifier } from "../../../core/notifications/notification-message.ts";
import type { Clock } from "../../../core/platform/clock.ts";
import { createTestDatabase } from "../../db.ts";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { defaultSymbols, extraSymbols } from "../../fake-binance/symbols.ts";
import { createHarness, type Harness } from "../../harness.ts";

export type Execution = {
  status: string;
  error?: string;
  errorCode?: string;
  amount: string | null;
  clientOrderId: string;
};
export type TradeView = {
  id: string;
  side: string;
  status: string;
  amount: string;
  openAmount: string;
  entryPrice: string | null;
  exitPrice: string | null;
  realisedPnl: string;
  fees: string;
  closeReason: string | null;
  protectionError: string | null;
  orders: {
    kind: string;
    status: string;
    clientOrderId: string;
    triggerPrice: string | null;
    filledAmount: string | null;
  }[];
};

/**
 * The whole product in-process over a test database and the fake Binance, and what the trade tests read and do
 * through it. Call inside a describe: it registers the suite's hooks.
 */
export function binanceTradeSuite(opts: { notifiers?: Notifier[]; clock?: Clock; stopAuditEvery?: number } = {}) {
  const ctx = {} as { testDb: Awaited<ReturnType<typeof createTestDatabase>>; fake: FakeBinance; h: Harness };
  let n = 0;

  beforeAll(async () => {
    ctx.testDb = await createTestDatabase();
    // COIN1USDT allows at most 50x.
    ctx.fake = await startFakeBinance({ startingBalance: "10000", symbols: [...defaultSymbols, ...extraSymbols(1)] });
    ctx.h = createHarness({
      db: ctx.testDb.db,
      ccxtUrlOverrides: { binanceusdm: ctx.fake.url },
      notifiers: opts.notifiers,
      clock: opts.clock,
      stopAuditEvery: opts.stopAuditEvery,
    });
  });
  afterAll(async () => {
    await ctx.h?.close();
    await ctx.fake?.close();
    await ctx.testDb?.drop();
  });
  beforeEach(() => {
    ctx.fake.setFaults({});
    ctx.fake.setPrice("BTCUSDT", "60000");
    ctx.fake.setPrice("ETHUSDT", "3000");
  });

  /** A strategy and one follower on a fresh Binance key: 6000 USDT per trade (0.1 BTC at 60000). */
  async function follower(opts: { maxLeverage?: number; maxSlippagePerc?: string; telegramId?: string } = {}) {
    n += 1;
    const apiKey = `trader-${n}`;
    ctx.fake.addKey(apiKey, `secret-${apiKey}`, "10000");
    const strategy = await ctx.h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: `Trades ${n}`,
    });
    const user = await ctx.h.admin<{ id: string }>("POST", "/api/admin/users", { telegramId: opts.telegramId });
    const account = await ctx.h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "binanceusdm",
      apiKey,
      secret: `secret-${apiKey}`,
    });
    await ctx.h.admin("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: strategy.slug,
      sizing: { mode: "fixed", value: "6000" },
      maxLeverage: opts.maxLeverage ?? 10,
      maxSlippagePerc: opts.maxSlippagePerc,
    });
    return { strategy, apiKey, accountId: account.id, userId: user.id };
  }

  const fire = async (strategy: { slug: string; passphrase: string }, body: object, opts: { drain?: boolean } = {}) => {
    const res = await ctx.h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT",
      id: crypto.randomUUID(),
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    if (opts.drain !== false) await ctx.h.queue.drain();
    return signalId;
  };
  const executions = async (signalId: string) =>
    (await ctx.h.admin<{ executions: Execution[] }>("GET", `/api/admin/signals/${signalId}`)).executions;
  const trades = async (accountId: string, status?: "open" | "closed") =>
    (
      await ctx.h.admin<{ trades: TradeView[] }>(
        "GET",
        `/api/admin/accounts/${accountId}/trades${status ? `?status=${status}` : ""}`,
      )
    ).trades;
  const openAlgo = (apiKey: string) =>
    [...(ctx.fake.account(apiKey)?.algoOrders.values() ?? [])].filter((o) => o.algoStatus === "NEW");
  const position = (apiKey: string, symbol = "BTCUSDT") =>
    [...(ctx.fake.account(apiKey)?.positions.entries() ?? [])]
      .filter(([key, p]) => key.startsWith(symbol) && !p.amt.isZero())
      .map(([, p]) => p.amt.toFixed());
  const until = async <T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 15_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return { ctx, follower, fire, executions, trades, openAlgo, position, until };
}
