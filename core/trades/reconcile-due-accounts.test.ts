import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { seedExecution } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import type { ExchangeResolver } from "../exchange/exchange-resolver.ts";
import { dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { silentLogger } from "../platform/logger.ts";
import { reconcileDueAccounts, scheduleAccounts } from "./reconcile-due-accounts.ts";

describe("reconciliation turns", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  async function accountWithOpenTrade() {
    const seeded = await seedExecution(testDb.db.prisma, { action: "long" });
    await testDb.db.prisma.trade.create({
      data: {
        accountId: seeded.account.id,
        strategyId: seeded.strategy.id,
        subscriptionId: seeded.subscription.id,
        symbol: "BTC/USDT:USDT",
        side: "long",
        status: "open",
        liveKey: `${seeded.account.id}|BTC/USDT:USDT`,
        requestedAmount: "1",
        entryAmount: "1",
        openAmount: "1",
        entryPrice: "100",
      },
    });
    return seeded.account.id;
  }

  it("spreads accounts over the interval, and a 429 pushes back that account only", async () => {
    const limited = await accountWithOpenTrade();
    const fine = await accountWithOpenTrade();
    const now = new Date();
    const deps = { db: testDb.db.prisma, sql: testDb.db.sql, logger: silentLogger, now: () => now };
    expect(await scheduleAccounts(deps, 15_000)).toBe(2);
    const due = await testDb.db.prisma.exchangeAccount.findMany({ where: { id: { in: [limited, fine] } } });
    expect(due).toHaveLength(2);
    for (const a of due) {
      expect(a.reconcileDueAt?.getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(a.reconcileDueAt?.getTime()).toBeLessThanOrEqual(now.getTime() + 15_000);
    }

    const venue = createMemoryExchange();
    venue.positions.set("BTC/USDT:USDT", {
      symbol: "BTC/USDT:USDT",
      side: "long",
      contracts: dec("1"),
      entryPrice: dec("100"),
    });
    let positionsAsked = 0;
    const exchanges: ExchangeResolver = {
      forAccount: (account) => ({
        ...venue.client,
        async fetchPositions() {
          if (account.id === limited) throw new AppError("RATE_LIMITED", "slow down", { retryAfterMs: 60_000 });
          positionsAsked += 1;
          return venue.client.fetchPositions();
        },
      }),
      forCredentials: () => venue.client,
      isSupported: () => true,
      warmPrice: () => undefined,
    };
    const later = new Date(now.getTime() + 16_000);
    const round = await reconcileDueAccounts(
      { ...deps, exchanges, now: () => later },
      { intervalMs: 15_000, limit: 100, concurrency: 4 },
    );
    expect(round).toMatchObject({ accounts: 2, trades: 1, changed: 0, failed: 1, rateLimited: 1 });
    expect(positionsAsked).toBe(1);
    const after = await testDb.db.prisma.exchangeAccount.findMany({ where: { id: { in: [limited, fine] } } });
    const at = (id: string) => after.find((a) => a.id === id)?.reconcileDueAt?.getTime() ?? 0;
    // The limited account waits out its Retry-After; the other keeps its place, one interval on.
    expect(at(limited)).toBe(later.getTime() + 60_000);
    expect(at(fine)).toBeGreaterThan(later.getTime());
    expect(at(fine)).toBeLessThanOrEqual(later.getTime() + 15_000);
    // Each account tried has its contact recorded: the answer, or why there was none, in words.
    const contact = (id: string) => {
      const a = after.find((x) => x.id === id);
      return { tried: a?.lastContactTriedAt?.getTime(), ok: a?.lastContactAt?.getTime(), error: a?.lastContactError };
    };
    expect(contact(fine)).toEqual({ tried: later.getTime(), ok: later.getTime(), error: null });
    expect(contact(limited)).toEqual({
      tried: later.getTime(),
      ok: undefined,
      error: "the exchange asked Mimic to slow down (rate limit); trying again later",
    });
  });

  it("records a failed contact in plain words, and clears it once the exchange answers", async () => {
    const account = await accountWithOpenTrade();
    const now = new Date();
    const deps = { db: testDb.db.prisma, sql: testDb.db.sql, logger: silentLogger, now: () => now };
    await scheduleAccounts(deps, 1_000);
    const venue = createMemoryExchange();
    let answer = false;
    const exchanges: ExchangeResolver = {
      forAccount: () => ({
        ...venue.client,
        async fetchPositions() {
          if (!answer) throw new AppError("INVALID_KEY", 'binanceusdm {"code":-2015,"msg":"Invalid API-key"}');
          return venue.client.fetchPositions();
        },
      }),
      forCredentials: () => venue.client,
      isSupported: () => true,
      warmPrice: () => undefined,
    };
    const round = async (at: Date) => {
      await reconcileDueAccounts(
        { ...deps, exchanges, now: () => at },
        { intervalMs: 1_000, limit: 100, concurrency: 4 },
      );
      return testDb.db.prisma.exchangeAccount.findUniqueOrThrow({ where: { id: account } });
    };
    const first = new Date(now.getTime() + 2_000);
    const failed = await round(first);
    expect(failed.lastContactTriedAt).toEqual(first);
    expect(failed.lastContactAt).toBeNull();
    expect(failed.lastContactError).toBe("the exchange refused the API key: invalid, revoked or without permission");
    answer = true;
    const second = new Date(first.getTime() + 2_000);
    const ok = await round(second);
    expect(ok).toMatchObject({ lastContactTriedAt: second, lastContactAt: second, lastContactError: null });
  });
});
