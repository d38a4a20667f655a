import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import type { ExchangeClient } from "../exchange/exchange.ts";
import { createPaperPrices } from "../exchange/paper/paper-prices.ts";
import { createPaperExchange } from "../exchange/paper-exchange.ts";
import { dec } from "../platform/decimal.ts";
import { silentLogger } from "../platform/logger.ts";
import { reconcileAccount, watchedTrades } from "../trades/reconcile-account.ts";
import { applyTradeFills, closeTradeRecord } from "../trades/trade-store.ts";
import { guardrailCloseId } from "./close-guarded-trades.ts";
import { guardAccount } from "./guard-account.ts";
import { nextUtcMidnight, utcDay } from "./utc-day.ts";

const SYMBOL = "BTC/USDT:USDT";

describe("guardAccount: the daily guardrails in a reconciliation turn (paper account, real database)", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let price = "60000";
  const prices = createPaperPrices({ live: async () => dec(price) });

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** A paper account holding a 1 BTC long at 60000 as a Mimic trade, with a 5% daily loss limit. */
  async function guardedAccount(opts: { wallet?: string; trade?: boolean } = {}) {
    const db = testDb.db.prisma;
    const user = await db.user.create({ data: {} });
    const account = await db.exchangeAccount.create({
      data: { userId: user.id, exchange: "paper", dailyLossLimitPerc: "5" },
    });
    await db.paperBalance.create({ data: { accountId: account.id, wallet: opts.wallet ?? "10000" } });
    const strategy = await db.strategy.create({
      data: { name: "s", slug: `s-${crypto.randomUUID().slice(0, 8)}`, passphraseHash: "x" },
    });
    const sub = await db.subscription.create({
      data: { accountId: account.id, strategyId: strategy.id, sizingMode: "fixed", sizingValue: "60000" },
    });
    const trade = await db.trade.create({
      data: {
        accountId: account.id,
        strategyId: strategy.id,
        subscriptionId: sub.id,
        symbol: SYMBOL,
        side: "long",
        status: "open",
        liveKey: `${account.id}|${SYMBOL}`,
        leverage: 10,
        requestedAmount: "1",
        entryAmount: "1",
        entryPrice: "60000",
        openAmount: "1",
      },
    });
    // The entry's order stands for its fill, as the copying path leaves it.
    await db.order.create({
      data: {
        tradeId: trade.id,
        kind: "entry",
        clientOrderId: `e-${trade.id}`.slice(0, 36),
        exchangeOrderId: `e-${trade.id}`,
        symbol: SYMBOL,
        side: "buy",
        type: "market",
        requestedAmount: "1",
        status: "filled",
        filledAmount: "1",
        avgPrice: "60000",
      },
    });
    if (opts.trade !== false) {
      await db.paperPosition.create({
        data: { accountId: account.id, symbol: SYMBOL, contracts: "1", entryPrice: "60000", leverage: 10 },
      });
    }
    // Counts what the guardrails cost in exchange requests.
    const calls: string[] = [];
    const paper = createPaperExchange(account.id, { db, prices });
    const exchange = new Proxy(paper, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return value.apply(target, args);
        };
      },
    }) as ExchangeClient;
    return { account, trade, user, exchange, calls };
  }

  /** One reconciliation turn of the account, then its guardrails, as reconcileDueAccounts runs them. */
  async function turn(a: Awaited<ReturnType<typeof guardedAccount>>, now: Date) {
    const deps = { db: testDb.db.prisma, sql: testDb.db.sql, exchange: a.exchange, logger: silentLogger };
    const trades = (await watchedTrades(testDb.db.sql, [a.account.id])).get(a.account.id) ?? [];
    const { positions } = await reconcileAccount({ accountId: a.account.id, trades }, deps);
    return guardAccount({ accountId: a.account.id, trades, positions }, { ...deps, now });
  }
  const audits = (accountId: string, action: string) =>
    testDb.db.prisma.auditLog.findMany({ where: { accountId, action }, orderBy: { at: "asc" } });

  it("reads the balance once a day, trips at −5%, halts until 00:00 UTC, closes the trade and audits it all", async () => {
    const a = await guardedAccount();
    const now = new Date();
    price = "59800";
    expect((await turn(a, now)).check?.pnlPerc?.toFixed()).toBe("-2");
    price = "59700";
    expect((await turn(a, now)).check?.tripped).toBeNull();
    // Two turns: a positions request each, and one balance read for the day.
    expect(a.calls.filter((c) => c === "fetchBalance")).toHaveLength(1);
    expect(a.calls.filter((c) => c === "fetchPositions")).toHaveLength(2);
    const row = await testDb.db.prisma.exchangeAccount.findUniqueOrThrow({ where: { id: a.account.id } });
    expect([row.guardDay, row.guardDayStartEquity?.toString()]).toEqual([utcDay(now), "10000"]);
    expect(await audits(a.account.id, "guardrail.day_started")).toHaveLength(1);

    price = "59400";
    const tripped = await turn(a, now);
    expect(tripped.trip?.first).toBe(true);
    const halted = await testDb.db.prisma.exchangeAccount.findUniqueOrThrow({ where: { id: a.account.id } });
    expect([halted.haltedUntil?.toISOString(), halted.haltReason]).toEqual([
      nextUtcMidnight(now).toISOString(),
      "daily_loss",
    ]);
    const [audit] = await audits(a.account.id, "guardrail.tripped");
    expect(audit?.details).toMatchObject({
      reason: "daily_loss",
      day: utcDay(now),
      startEquity: "10000",
      realised: "0",
      unrealised: "-600",
      pnl: "-600",
      pnlPerc: "-6.0000",
      limitPerc: "5",
      trades: [{ id: a.trade.id, symbol: SYMBOL, side: "long", openAmount: "1" }],
    });
    // Closed through the trades' own close path: one reduce-only market exit under its own client order id.
    const trade = await testDb.db.prisma.trade.findUniqueOrThrow({ where: { id: a.trade.id } });
    expect([trade.status, trade.closeReason, trade.exitPrice?.toString()]).toEqual(["closed", "guardrail", "59400"]);
    const exit = await testDb.db.prisma.order.findUniqueOrThrow({
      where: { clientOrderId: guardrailCloseId(a.trade.id) },
    });
    expect([exit.kind, exit.status, exit.reduceOnly, exit.filledAmount?.toString()]).toEqual([
      "exit",
      "filled",
      true,
      "1",
    ]);
    const position = await testDb.db.prisma.paperPosition.findFirstOrThrow({ where: { accountId: a.account.id } });
    expect(position.contracts.toString()).toBe("0");
    expect((await audits(a.account.id, "guardrail.closed"))[0]?.details).toMatchObject({
      closes: [{ tradeId: a.trade.id, symbol: SYMBOL, pnl: "-600.00" }],
    });

    // Another turn the same day: still halted, nothing tripped or closed again.
    expect(await turn(a, now)).toEqual({ halted: true });
    expect(await audits(a.account.id, "guardrail.tripped")).toHaveLength(1);

    // The next UTC day: the halt is cleared, and the day measured from a fresh balance read.
    const tomorrow = new Date(nextUtcMidnight(now).getTime() + 3_600_000);
    const next = await guardAccount(
      { accountId: a.account.id, trades: [], positions: null },
      { db: testDb.db.prisma, sql: testDb.db.sql, exchange: a.exchange, logger: silentLogger, now: tomorrow },
    );
    expect(next).toMatchObject({ halted: false, check: { tripped: null } });
    const lifted = await testDb.db.prisma.exchangeAccount.findUniqueOrThrow({ where: { id: a.account.id } });
    // 10000 - 600 - the 0.05% fee of the 59400 exit (the entry here was made without one).
    expect([lifted.haltedUntil, lifted.haltReason, lifted.guardDay]).toEqual([null, null, utcDay(tomorrow)]);
    expect(lifted.guardDayStartEquity?.toString()).toBe("9370.3");
    expect(a.calls.filter((c) => c === "fetchBalance")).toHaveLength(2);
  });

  it("sees a limit crossed by a close at the turn that reads the closed trade's fills", async () => {
    // The trade closed at 59300 (a signal's close, a stop): the wallet already holds the loss.
    const a = await guardedAccount({ wallet: "9300", trade: false });
    const now = new Date();
    await applyTradeFills(testDb.db.prisma, a.trade.id, [
      { key: "fill:x1", exchangeOrderId: "x1", kind: "exit", side: "sell", amount: dec(1), price: dec(59300), at: now },
    ]);
    await closeTradeRecord(testDb.db.prisma, a.trade.id, "signal");
    const result = await turn(a, now);
    // The day started at 9300 + 700 realised since midnight: the close's 700 is today's, 7% of 10000.
    expect(result.check && [result.check.pnl.toFixed(), result.check.pnlPerc?.toFixed()]).toEqual(["-700", "-7"]);
    expect(result.trip).toMatchObject({ first: true, closes: [] });
    expect(a.calls).not.toContain("createOrder");
    const [audit] = await audits(a.account.id, "guardrail.tripped");
    expect(audit?.details).toMatchObject({ startEquity: "10000", realised: "-700", trades: [] });
  });

  it("closes a Mimic trade found open on a halted account (an entry that was in flight), without tripping again", async () => {
    const a = await guardedAccount();
    const now = new Date();
    const until = nextUtcMidnight(now);
    await testDb.db.prisma.exchangeAccount.update({
      where: { id: a.account.id },
      data: { haltedUntil: until, haltReason: "daily_loss", guardDay: utcDay(now), guardDayStartEquity: "10000" },
    });
    price = "60100";
    expect(await turn(a, now)).toEqual({ halted: true });
    const trade = await testDb.db.prisma.trade.findUniqueOrThrow({ where: { id: a.trade.id } });
    expect([trade.status, trade.closeReason]).toEqual(["closed", "guardrail"]);
    expect(await audits(a.account.id, "guardrail.tripped")).toEqual([]);
    expect(await audits(a.account.id, "guardrail.closed")).toHaveLength(1);
    expect(a.calls).not.toContain("fetchBalance");
  });
});
