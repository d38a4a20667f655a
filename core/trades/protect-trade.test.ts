import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { seedExecution } from "../../test/factories.ts";
import { createMemoryExchange } from "../../test/memory-exchange.ts";
import { createExecutionLedger } from "../copying/execution-ledger.ts";
import type { ExchangeClient } from "../exchange/exchange.ts";
import { dec } from "../platform/decimal.ts";
import { silentLogger } from "../platform/logger.ts";
import { protectTrade } from "./protect-trade.ts";

// The protection step is keyed leg by leg ("-tp", "-tp2", "-tp3", "-sl"): a worker that dies between two legs
// leaves some at the exchange, one perhaps on the wire, and the retry must place exactly the missing ones.
describe("protectTrade after a crash between two take-profit legs", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** An exchange that dies (as the process would) on target 2's order: before it leaves, or after it landed. */
  function crashingOnTarget2(venue: ReturnType<typeof createMemoryExchange>, when: "before" | "after") {
    let crashed = false;
    const client: ExchangeClient = {
      ...venue.client,
      async createOrder(req) {
        if (!crashed && req.clientOrderId.endsWith("-tp2")) {
          crashed = true;
          if (when === "after") await venue.client.createOrder(req);
          throw new Error("worker killed");
        }
        return venue.client.createOrder(req);
      },
    };
    return client;
  }

  it.each(["before", "after"] as const)(
    "the crash came %s target 2's order left: every leg once, none missing",
    async (when) => {
      const db = testDb.db.prisma;
      const { execution, signal, subscription, account } = await seedExecution(db, { action: "long" });
      const trade = await db.trade.create({
        data: {
          accountId: account.id,
          strategyId: signal.strategyId,
          subscriptionId: subscription.id,
          symbol: signal.symbol,
          side: "long",
          status: "open",
          liveKey: `${account.id}|${signal.symbol}`,
          requestedAmount: "1",
          entryAmount: "1",
          entryPrice: "100",
          openAmount: "1",
        },
      });
      const venue = createMemoryExchange({ price: "100" });
      const input = (orders: Awaited<ReturnType<typeof db.order.findMany>>) => ({
        signalId: signal.id,
        subscriptionId: subscription.id,
        executionId: execution.id,
        trade: { id: trade.id, symbol: signal.symbol, side: "long" as const },
        amount: dec("1"),
        fillPrice: dec("100"),
        takeProfit: null,
        stopLoss: { perc: dec("2") },
        targets: [
          { level: { perc: dec("1") }, sizePerc: dec("50") },
          { level: { perc: dec("2") }, sizePerc: dec("30") },
          { level: { perc: dec("3") }, sizePerc: dec("20") },
        ],
        trailing: { mode: "breakeven" as const },
        priceStep: dec("0.01"),
        market: { amountStep: dec("0.001") },
        orders,
        lastAttempt: false,
      });
      const deps = (exchange: ExchangeClient) => ({
        db,
        ledger: createExecutionLedger(db, testDb.db.sql),
        exchange,
        logger: silentLogger,
      });

      await expect(protectTrade(input([]), deps(crashingOnTarget2(venue, when)))).rejects.toThrow("worker killed");
      // The retry reads what the first attempt wrote, as the resumed job does.
      const written = await db.order.findMany({ where: { executionId: execution.id } });
      expect(written.map((o) => [o.leg, o.status]).sort()).toEqual([
        [0, "open"],
        [1, "sending"],
      ]);
      const outcome = await protectTrade(input(written), deps(venue.client));
      expect(outcome).toEqual({});

      const rows = await db.order.findMany({
        where: { tradeId: trade.id },
        orderBy: [{ kind: "asc" }, { leg: "asc" }],
      });
      expect(
        rows.map((o) => [o.kind, o.leg, o.status, o.triggerPrice?.toString(), o.requestedAmount.toString()]),
      ).toEqual([
        ["take_profit", 0, "open", "101", "0.5"],
        ["take_profit", 1, "open", "102", "0.3"],
        ["take_profit", 2, "open", "103", "0.2"],
        ["stop_loss", 0, "open", "98", "1"],
      ]);
      // At the exchange, each leg once: nothing doubled, nothing missing.
      const sent = venue.sent.filter((id) => id.startsWith(rows[0]?.clientOrderId.slice(0, -3) ?? "?"));
      expect(sent.sort()).toEqual(rows.map((o) => o.clientOrderId).sort());
      expect([...venue.orders.values()].filter((o) => o.status === "open")).toHaveLength(4);
      // The stop's mode is kept for reconciliation, with the level it starts from.
      const kept = await db.trade.findUniqueOrThrow({ where: { id: trade.id } });
      expect([kept.trailing, kept.stopPrice?.toString()]).toEqual([{ mode: "breakeven" }, "98"]);
    },
  );
});
