import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { createTestDatabase } from "../../db.ts";
import { type FakeBybit, startFakeBybit } from "../../fake-bybit/start-fake-bybit.ts";
import { createHarness, type Harness } from "../../harness.ts";

/**
 * The whole product in-process over a test database, with paper accounts priced from the fake Bybit, and what the
 * paper trade tests do through it: move the price, let the paper tick and reconciliation follow, send a signal.
 * Call inside a describe: it registers the suite's hooks.
 */
export function paperTradeSuite() {
  const ctx = {} as { testDb: Awaited<ReturnType<typeof createTestDatabase>>; bybit: FakeBybit; h: Harness };

  beforeAll(async () => {
    ctx.testDb = await createTestDatabase();
    ctx.bybit = await startFakeBybit();
    ctx.h = createHarness({ db: ctx.testDb.db, ccxtUrlOverrides: { bybit: ctx.bybit.url }, paperPriceVenue: "bybit" });
  });
  afterAll(async () => {
    await ctx.h?.close();
    await ctx.bybit?.close();
    await ctx.testDb?.drop();
  });
  beforeEach(async () => {
    await move("60000");
  });

  /** The venue's price reaches paper trading through a one-second cache: wait until it shows. */
  const move = async (price: string) => {
    ctx.bybit.setPrice("BTCUSDT", price);
    const deadline = Date.now() + 5_000;
    while ((await ctx.h.paperPrices.markPrice("BTC/USDT:USDT"))?.toString() !== price) {
      if (Date.now() > deadline) throw new Error(`paper price never reached ${price}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** The price moves; the paper tick triggers what it crosses; reconciliation follows. */
  const moveAndFollow = async (price: string) => {
    await move(price);
    await ctx.h.paperTick();
    await ctx.h.reconcile();
  };
  /** A signal by the strategy's webhook, copied to its followers before this resolves. */
  const send = async (strategy: { slug: string; passphrase: string }, body: object) => {
    const res = await ctx.h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BTCUSDT.P",
      id: crypto.randomUUID(),
      ...body,
    });
    expect(res.status).toBe(202);
    const { signalId } = (await res.json()) as { signalId: string };
    await ctx.h.queue.drain();
    return signalId;
  };

  return { ctx, move, moveAndFollow, send };
}
