import { generate } from "otplib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { panicCloseAll } from "../../../core/panic/panic-close-all.ts";
import { dec } from "../../../core/platform/decimal.ts";
import { silentLogger } from "../../../core/platform/logger.ts";
import { confirmTwoFactor, startTwoFactor } from "../../../core/security/two-factor.ts";
import { createTestDatabase } from "../../db.ts";
import { type FakeBinance, startFakeBinance } from "../../fake-binance/start-fake-binance.ts";
import { defaultSymbols, extraSymbols } from "../../fake-binance/symbols.ts";
import { createHarness, type Harness } from "../../harness.ts";

type Execution = { status: string; error?: string; errorCode?: string; amount: string | null; clientOrderId: string };
type TradeView = {
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

// Each behaviour of a trade, end to end: webhook, the worker's jobs, real ccxt against the fake Binance, and the
// reconciliation loop's turn where the exchange acted on its own.
describe("trades on Binance USDⓈ-M, end to end through the worker", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeBinance;
  let h: Harness;
  let n = 0;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // COIN1USDT allows at most 50x.
    fake = await startFakeBinance({ startingBalance: "10000", symbols: [...defaultSymbols, ...extraSymbols(1)] });
    h = createHarness({ db: testDb.db, ccxtUrlOverrides: { binanceusdm: fake.url } });
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
    await testDb?.drop();
  });
  beforeEach(() => {
    fake.setFaults({});
    fake.setPrice("BTCUSDT", "60000");
    fake.setPrice("ETHUSDT", "3000");
  });

  /** A strategy and one follower on a fresh Binance key: 6000 USDT per trade (0.1 BTC at 60000). */
  async function follower(opts: { maxLeverage?: number } = {}) {
    n += 1;
    const apiKey = `trader-${n}`;
    fake.addKey(apiKey, `secret-${apiKey}`, "10000");
    const strategy = await h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: `Trades ${n}`,
    });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "binanceusdm",
      apiKey,
      secret: `secret-${apiKey}`,
    });
    await h.admin("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: strategy.slug,
      sizing: { mode: "fixed", value: "6000" },
      maxLeverage: opts.maxLeverage ?? 10,
    });
    return { strategy, apiKey, accountId: account.id, userId: user.id };
  }

  const fire = async (strategy: { slug: string; passphrase: string }, body: object, opts: { drain?: boolean } = {}) => {
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT",
      id: crypto.randomUUID(),
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    if (opts.drain !== false) await h.queue.drain();
    return signalId;
  };
  const executions = async (signalId: string) =>
    (await h.admin<{ executions: Execution[] }>("GET", `/api/admin/signals/${signalId}`)).executions;
  const trades = async (accountId: string, status?: "open" | "closed") =>
    (
      await h.admin<{ trades: TradeView[] }>(
        "GET",
        `/api/admin/accounts/${accountId}/trades${status ? `?status=${status}` : ""}`,
      )
    ).trades;
  const openAlgo = (apiKey: string) =>
    [...(fake.account(apiKey)?.algoOrders.values() ?? [])].filter((o) => o.algoStatus === "NEW");
  const position = (apiKey: string, symbol = "BTCUSDT") =>
    [...(fake.account(apiKey)?.positions.entries() ?? [])]
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

  it("a take-profit fill closes the trade with its PnL and fees, and cancels the stop-loss", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    expect(
      openAlgo(f.apiKey)
        .map((o) => o.orderType)
        .sort(),
    ).toEqual(["STOP_MARKET", "TAKE_PROFIT_MARKET"]);

    fake.setPrice("BTCUSDT", "61300");
    const round = await h.reconcile();
    expect(round.changed).toBe(1);
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "take_profit", status: "closed", entryPrice: "60000" });
    // The fake fills a triggered stop at the price that crossed it.
    expect(trade?.exitPrice).toBe("61300");
    expect(Number(trade?.realisedPnl)).toBeCloseTo(130, 6);
    // Fees from the exchange's own fills: 0.05% of 6000 and of 6130.
    expect(Number(trade?.fees)).toBeCloseTo(3 + 3.065, 6);
    expect(trade?.orders.find((o) => o.kind === "stop_loss")?.status).toBe("canceled");
    expect(openAlgo(f.apiKey)).toEqual([]);
    expect(position(f.apiKey)).toEqual([]);
  });

  it("a stop-loss already crossed when it is placed closes the trade at market, as the stop would have", async () => {
    const f = await follower();
    // Every create spends 300 ms at the exchange: the price falls while the stop-loss is on its way.
    fake.setFaults({ orderLatencyMs: 300 });
    const signalId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 }, { drain: false });
    await until(
      "the entry",
      () => fake.stats().acceptedOrders,
      (v) => v >= 1 && position(f.apiKey).length > 0,
    );
    fake.setPrice("BTCUSDT", "59000");
    await h.queue.drain();
    const [e] = await executions(signalId);
    expect(e?.status).toBe("filled");
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "stop_loss", exitPrice: "59000" });
    expect(trade?.orders.map((o) => [o.kind, o.status])).toEqual([
      ["entry", "filled"],
      ["take_profit", "canceled"],
      ["stop_loss", "rejected"],
      ["exit", "filled"],
    ]);
    expect(position(f.apiKey)).toEqual([]);
    expect(openAlgo(f.apiKey)).toEqual([]);
  });

  it("an entry the exchange fills in part and then cancels is a trade of the filled amount, protected for it", async () => {
    const f = await follower();
    fake.setFaults({ delayedFill: { apiKeys: [f.apiKey] }, delayedFillMode: "partial-then-expire" });
    const signalId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "filled", amount: "0.04" });
    expect(e?.error).toMatch(/only 0.04 of 0.1 filled/);
    const [trade] = await trades(f.accountId, "open");
    expect(trade).toMatchObject({ amount: "0.04", openAmount: "0.04" });
    expect(openAlgo(f.apiKey).map((o) => o.quantity.toFixed())).toEqual(["0.04", "0.04"]);
  });

  it("an entry the exchange expires unfilled fails with the reason and leaves nothing open", async () => {
    const f = await follower();
    fake.setFaults({ delayedFill: { apiKeys: [f.apiKey] }, delayedFillMode: "expire" });
    const signalId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e).toMatchObject({ status: "failed", errorCode: "ORDER_EXPIRED" });
    const [trade] = await trades(f.accountId);
    expect(trade).toMatchObject({ status: "closed", closeReason: "expired", amount: "0" });
    expect(openAlgo(f.apiKey)).toEqual([]);
  });

  it("an opposite entry reverses the trade: one close and one fresh entry at the exchange", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    const signalId = await fire(f.strategy, { action: "short", tp_perc: 2, sl_perc: 1 });
    const [e] = await executions(signalId);
    expect(e?.status).toBe("filled");
    const all = await trades(f.accountId);
    expect(all.map((t) => [t.side, t.status, t.closeReason])).toEqual([
      ["short", "open", null],
      ["long", "closed", "reversal"],
    ]);
    expect(position(f.apiKey)).toEqual(["-0.1"]);
    // The long's TP/SL are gone; the short's are reduce-only buys.
    expect(openAlgo(f.apiKey).map((o) => [o.side, o.reduceOnly])).toEqual([
      ["BUY", true],
      ["BUY", true],
    ]);
  });

  it("caps leverage at the market's maximum as well as the follower's: a 75x signal on a 50x market trades at 50x", async () => {
    const f = await follower({ maxLeverage: 100 });
    const signalId = await fire(f.strategy, { symbol: "COIN1USDT", action: "long", leverage: 75 });
    const [e] = await executions(signalId);
    expect(e, JSON.stringify(e)).toMatchObject({ status: "filled" });
    expect(fake.account(f.apiKey)?.leverage.get("COIN1USDT")).toBe(50);
    const signals = await h.admin<{ signals: { id: string; executions: Record<string, number>; total: number }[] }>(
      "GET",
      `/api/admin/signals?strategy=${f.strategy.slug}&limit=5`,
    );
    expect(signals.signals.map((s) => [s.id, s.executions.filled, s.total])).toEqual([[signalId, 1, 1]]);
  });

  it("a liquidation closes the trade with reason liquidation and its loss", async () => {
    const f = await follower();
    fake.setBalance(f.apiKey, "700");
    await fire(f.strategy, { action: "long", leverage: 10 });
    expect(position(f.apiKey)).toEqual(["0.1"]);
    // 0.1 BTC on 700 USDT: cross margin gives out about 7,000 below the entry.
    fake.setPrice("BTCUSDT", "52000");
    expect(position(f.apiKey)).toEqual([]);
    await h.reconcile();
    const [trade] = await trades(f.accountId, "closed");
    expect(trade?.closeReason).toBe("liquidation");
    expect(Number(trade?.realisedPnl)).toBeLessThan(-600);
  });

  it("notices a position the follower closed on the exchange, records it and cancels its TP/SL", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    fake.setPrice("BTCUSDT", "60200");
    fake.userOrder(f.apiKey, { symbol: "BTCUSDT", side: "SELL", qty: "0.1", reduceOnly: true });
    await h.reconcile();
    const [trade] = await trades(f.accountId, "closed");
    expect(trade).toMatchObject({ closeReason: "manual", exitPrice: "60200" });
    expect(Number(trade?.realisedPnl)).toBeCloseTo(20, 6);
    expect(openAlgo(f.apiKey)).toEqual([]);
  });

  it("a close that arrives while its entry waits out an uncertain attempt closes it after: one entry, one close", async () => {
    const f = await follower();
    // The entry is accepted but its answer lost: Mimic must wait until it can no longer be in flight, then look.
    fake.setFaults({
      timeoutAfterAccept: (ctx) => ctx.apiKey === f.apiKey && ctx.clientOrderId.endsWith("-e") && ctx.attempt === 1,
      timeoutMode: "destroy",
    });
    const entryId = await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 }, { drain: false });
    await until(
      "the entry at the exchange",
      () => position(f.apiKey),
      (p) => p.length === 1,
    );
    const closeId = await fire(f.strategy, { action: "close" });
    const [entry] = await executions(entryId);
    const [close] = await executions(closeId);
    expect(entry?.status).toBe("filled");
    expect(close?.status).toBe("filled");
    expect(fake.creates(entry?.clientOrderId ?? "")).toBe(1);
    expect(fake.creates(close?.clientOrderId ?? "")).toBe(1);
    expect(position(f.apiKey)).toEqual([]);
    expect((await trades(f.accountId, "closed"))[0]).toMatchObject({ closeReason: "signal" });
    expect(openAlgo(f.apiKey)).toEqual([]);
  }, 30_000);

  it("/panic cancels every open order on the account, in symbols Mimic never traded too, and closes its trades", async () => {
    const f = await follower();
    await fire(f.strategy, { action: "long", tp_perc: 2, sl_perc: 1 });
    // The follower's own resting order in a symbol no strategy traded.
    const ccxt = h.exchanges.forCredentials("binanceusdm", { apiKey: f.apiKey, secret: `secret-${f.apiKey}` });
    await ccxt.createOrder({
      symbol: "ETH/USDT:USDT",
      side: "sell",
      type: "stop_loss",
      amount: dec("1"),
      triggerPrice: dec("2500"),
      clientOrderId: "users-own-stop",
    });
    let now = Date.now();
    const clock = { now: () => new Date(now) };
    const deps = { ...h.deps, exchanges: h.exchanges, clock, logger: silentLogger };
    const { secret } = await startTwoFactor({ userId: f.userId, issuer: "Mimic", label: "t" }, deps);
    await confirmTwoFactor({ userId: f.userId, code: await generate({ secret, epoch: Math.floor(now / 1000) }) }, deps);
    now += 60_000;
    const report = await panicCloseAll(
      { userId: f.userId, code: await generate({ secret, epoch: Math.floor(now / 1000) }) },
      deps,
    );
    expect(report.accounts[0]?.canceledIn.sort()).toEqual(["BTC/USDT:USDT", "ETH/USDT:USDT"]);
    expect(openAlgo(f.apiKey)).toEqual([]);
    expect(position(f.apiKey)).toEqual([]);
    expect((await trades(f.accountId, "closed"))[0]).toMatchObject({ closeReason: "panic" });
  });
});
