import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import type { OrderRequest } from "./exchange.ts";
import { createPaperPrices } from "./paper/paper-prices.ts";
import { triggerPaperOrders } from "./paper/trigger-paper-orders.ts";
import { createPaperExchange } from "./paper-exchange.ts";

// Resting (GTC) limit orders on paper: they rest in PaperOrder (the price in triggerPrice, type "limit") and fill
// from the same price feed and tick as the paper TP/SL, at their own price with the maker fee.

const BTC = "BTC/USDT:USDT";

describe("paper exchange: resting limit orders", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let price = "60000";
  const prices = createPaperPrices({ live: async () => dec(price) });
  const tick = () => triggerPaperOrders({ db: testDb.db.prisma, prices });

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  async function paperAccount(wallet = "10000") {
    const db = testDb.db.prisma;
    const user = await db.user.create({ data: {} });
    const account = await db.exchangeAccount.create({ data: { userId: user.id, exchange: "paper" } });
    await db.paperBalance.create({ data: { accountId: account.id, wallet } });
    const paper = createPaperExchange(account.id, { db, prices });
    await paper.setLeverage(BTC, 10);
    return { id: account.id, paper };
  }

  const gtc = (clientOrderId: string, limit: string, extra: Partial<OrderRequest> = {}): OrderRequest =>
    ({
      symbol: BTC,
      side: "buy",
      type: "limit",
      price: dec(limit),
      timeInForce: "GTC",
      amount: dec("0.1"),
      clientOrderId,
      ...extra,
    }) satisfies OrderRequest;

  it("rests open, then fills whole at its price with the maker fee once the tick sees the price reach it", async () => {
    const { id, paper } = await paperAccount();
    price = "60000";
    const since = new Date();
    const placed = await paper.createOrder(gtc("zone-1", "59000"));
    expect(placed).toMatchObject({ status: "open", clientOrderId: "zone-1", avgPrice: undefined });
    expect(placed.filledAmount.toFixed()).toBe("0");
    const row = await testDb.db.prisma.paperOrder.findFirstOrThrow({ where: { accountId: id } });
    expect([row.type, row.triggerPrice?.toString(), row.status]).toEqual(["limit", "59000", "open"]);
    expect((await paper.fetchOpenOrders()).map((o) => o.clientOrderId)).toEqual(["zone-1"]);

    price = "59000.5";
    await tick();
    expect((await paper.findOrder(BTC, "zone-1"))?.status).toBe("open");
    // A gap through it still fills at its own price.
    price = "58500";
    const result = await tick();
    expect(result.accountIds).toContain(id);
    const filled = await paper.findOrder(BTC, "zone-1");
    expect(filled?.status).toBe("filled");
    expect([filled?.filledAmount.toFixed(), filled?.avgPrice?.toFixed()]).toEqual(["0.1", "59000"]);
    expect(await paper.fetchOpenOrders()).toEqual([]);

    const [position] = await paper.fetchPositions();
    expect(position).toMatchObject({ symbol: BTC, side: "long" });
    expect([position?.contracts.toFixed(), position?.entryPrice.toFixed()]).toEqual(["0.1", "59000"]);
    const fills = await paper.fetchFills(BTC, since);
    // 5900 × 0.0002
    expect(fills.map((f) => [f.clientOrderId, f.amount.toFixed(), f.price.toFixed(), f.fee?.toFixed()])).toEqual([
      ["zone-1", "0.1", "59000", "1.18"],
    ]);
    expect((await paper.fetchBalance()).total.toFixed()).toBe("9998.82");
  });

  it("is cancelled before it fills, and then never fills", async () => {
    const { paper } = await paperAccount();
    price = "60000";
    await paper.createOrder(gtc("dca-1", "58000"));
    await paper.cancelOrder(BTC, "dca-1");
    price = "57000";
    await tick();
    const canceled = await paper.findOrder(BTC, "dca-1");
    expect(canceled?.status).toBe("canceled");
    expect(canceled?.filledAmount.toFixed()).toBe("0");
    expect(await paper.fetchPositions()).toEqual([]);
  });

  it("takes at the price at once, with the taker fee, when the price is already through it", async () => {
    const { paper } = await paperAccount();
    price = "60000";
    const taken = await paper.createOrder(gtc("marketable", "59000", { side: "sell" }));
    expect(taken.status).toBe("filled");
    expect(taken.avgPrice?.toFixed()).toBe("60000");
    const [fill] = await paper.fetchFills(BTC, new Date(0));
    expect(fill?.fee?.toFixed()).toBe("3");
    // A resend under the same client id is the same order.
    expect((await paper.createOrder(gtc("marketable", "59000", { side: "sell" }))).exchangeOrderId).toBe(
      taken.exchangeOrderId,
    );
  });

  it("is checked when placed: a reduce-only one needs a position, an opening one the margin", async () => {
    const { paper } = await paperAccount("500");
    price = "60000";
    await expect(paper.createOrder(gtc("ro-0", "62000", { side: "sell", reduceOnly: true }))).rejects.toSatisfy((e) =>
      isAppError(e, "ORDER_REJECTED"),
    );
    // 0.1 × 59000 / 10 = 590 of margin, 500 free.
    await expect(paper.createOrder(gtc("big", "59000"))).rejects.toSatisfy((e) => isAppError(e, "INSUFFICIENT_MARGIN"));
    // Without a timeInForce a limit is refused, so nothing rests by accident.
    await expect(paper.createOrder({ ...gtc("no-tif", "59000"), timeInForce: undefined })).rejects.toSatisfy((e) =>
      isAppError(e, "BAD_REQUEST"),
    );
    expect(await paper.fetchOpenOrders()).toEqual([]);
  });

  it("a reduce-only one closes no more than the position; the rest expires", async () => {
    const { paper } = await paperAccount();
    price = "60000";
    await paper.createOrder({ symbol: BTC, side: "buy", type: "market", amount: dec("0.05"), clientOrderId: "e" });
    await paper.createOrder(gtc("tp-limit", "61000", { side: "sell", reduceOnly: true }));
    price = "61000";
    await tick();
    const order = await paper.findOrder(BTC, "tp-limit");
    expect(order?.status).toBe("canceled");
    expect([order?.filledAmount.toFixed(), order?.avgPrice?.toFixed()]).toEqual(["0.05", "61000"]);
    expect(await paper.fetchPositions()).toEqual([]);
  });
});
