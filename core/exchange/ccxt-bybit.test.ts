import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBybit, startFakeBybit } from "../../test/fake-bybit/start-fake-bybit.ts";
import { dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { type CcxtExchangeFactory, createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";

// The same adapter code, through the real ccxt `bybit` client, against a small v5 fake.

const BTC = "BTC/USDT:USDT";
let fake: FakeBybit;
let factory: CcxtExchangeFactory;

const client = (apiKey: string, secret = `secret-${apiKey}`) => factory.forAccount("bybit", { apiKey, secret });

beforeAll(async () => {
  fake = await startFakeBybit({ startingBalance: "5000" });
  factory = createCcxtExchangeFactory({ urlOverrides: { bybit: fake.url }, timeoutMs: 2000 });
});

afterAll(async () => {
  factory.close();
  await fake.close();
});

describe("ccxt exchange client against a fake Bybit v5", () => {
  it("loads linear markets under their unified symbols", async () => {
    const m = await client("by-m").market(BTC);
    expect(m).toMatchObject({ symbol: BTC, base: "BTC", quote: "USDT", maxLeverage: 100 });
    expect(m.amountStep.toFixed()).toBe("0.001");
    expect(m.priceStep.toFixed()).toBe("0.1");
    expect(m.minNotional?.toFixed()).toBe("5");
  });

  it("reads the unified wallet and the last price", async () => {
    const c = client("by-b");
    const balance = await c.fetchBalance();
    expect(balance.quote).toBe("USDT");
    expect(balance.total.toFixed()).toBe("5000");
    expect((await c.fetchPrice(BTC)).toFixed()).toBe("60000");
  });

  it("sends the client order id as orderLinkId and reports the fill it looks up after the ack", async () => {
    const c = client("by-o");
    await c.setLeverage(BTC, 5);
    // Same leverage again: Bybit answers 110043 "not modified", which is success for us.
    await c.setLeverage(BTC, 5);
    const result = await c.createOrder({
      symbol: BTC,
      side: "buy",
      type: "market",
      amount: dec("0.0105"),
      clientOrderId: "bybit-entry-1",
    });
    expect(result).toMatchObject({ clientOrderId: "bybit-entry-1", status: "filled", side: "buy", symbol: BTC });
    expect(result.filledAmount.toFixed()).toBe("0.01");
    expect(result.avgPrice?.toFixed()).toBe("60000");
    expect(fake.state.accounts.get("by-o")?.orders.get("bybit-entry-1")?.qty.toFixed()).toBe("0.01");

    expect(await c.findOrder(BTC, "bybit-entry-1")).toMatchObject({ exchangeOrderId: result.exchangeOrderId });
    expect(await c.findOrder(BTC, "unknown-link-id")).toBeNull();

    const [position] = await c.fetchPositions();
    expect(position).toMatchObject({ symbol: BTC, side: "long" });
    expect(position?.contracts.toFixed()).toBe("0.01");

    const tp = await c.createOrder({
      symbol: BTC,
      side: "sell",
      type: "take_profit",
      amount: dec("0.01"),
      triggerPrice: dec("70000"),
      reduceOnly: true,
      clientOrderId: "bybit-tp-1",
    });
    expect(tp.status).toBe("open");
    expect(fake.state.accounts.get("by-o")?.orders.get("bybit-tp-1")?.triggerDirection).toBe(1);
    await c.cancelOrder(BTC, "bybit-tp-1");
    expect(await c.findOrder(BTC, "bybit-tp-1")).toMatchObject({ status: "canceled" });

    const closed = await c.closePosition(BTC, "bybit-close-1");
    expect(closed).toMatchObject({ side: "sell", status: "filled" });
    expect(await c.fetchPositions()).toEqual([]);
  });

  it("sends a capped entry as an IOC limit: filled at the last price within it, Cancelled unfilled past it", async () => {
    const c = client("by-ioc");
    const ioc = (clientOrderId: string, price: string) =>
      c.createOrder({
        symbol: BTC,
        side: "buy",
        type: "limit",
        price: dec(price),
        timeInForce: "IOC",
        amount: dec("0.01"),
        clientOrderId,
      });
    const filled = await ioc("by-ioc-1", "60180");
    expect(filled).toMatchObject({ status: "filled", clientOrderId: "by-ioc-1" });
    expect(filled.avgPrice?.toFixed()).toBe("60000");
    const sent = fake.state.accounts.get("by-ioc")?.orders.get("by-ioc-1");
    expect(sent).toMatchObject({ orderType: "Limit" });
    expect(sent?.price.toFixed()).toBe("60180");

    const refused = await ioc("by-ioc-2", "59900");
    expect(refused).toMatchObject({ status: "canceled", clientOrderId: "by-ioc-2" });
    expect(refused.filledAmount.toFixed()).toBe("0");
    expect((await c.fetchPositions())[0]?.contracts.toFixed()).toBe("0.01");
  });

  it("rests a GTC limit on the price step: open with its fills so far, cancelled keeping them", async () => {
    const c = client("by-gtc");
    const since = new Date();
    const placed = await c.createOrder({
      symbol: BTC,
      side: "sell",
      type: "limit",
      price: dec("61000.03"),
      timeInForce: "GTC",
      amount: dec("0.01"),
      clientOrderId: "by-zone-1",
    });
    expect(placed).toMatchObject({ status: "open", clientOrderId: "by-zone-1" });
    expect(placed.filledAmount.toFixed()).toBe("0");
    const sent = fake.state.accounts.get("by-gtc")?.orders.get("by-zone-1");
    expect(sent).toMatchObject({ orderType: "Limit", timeInForce: "GTC", orderStatus: "New" });
    expect(sent?.price.toFixed()).toBe("61000");
    expect((await c.fetchOpenOrders()).map((o) => o.clientOrderId)).toEqual(["by-zone-1"]);

    fake.fillLimit("by-gtc", "by-zone-1", "0.006");
    const partial = await c.findOrder(BTC, "by-zone-1");
    expect(partial?.status).toBe("open");
    expect([partial?.filledAmount.toFixed(), partial?.avgPrice?.toFixed()]).toEqual(["0.006", "61000"]);
    expect((await c.fetchPositions())[0]).toMatchObject({ side: "short" });

    await c.cancelOrder(BTC, "by-zone-1");
    const canceled = await c.findOrder(BTC, "by-zone-1");
    expect(canceled?.status).toBe("canceled");
    expect(canceled?.filledAmount.toFixed()).toBe("0.006");
    const fills = await c.fetchFills(BTC, since);
    expect(fills.map((f) => [f.clientOrderId, f.amount.toFixed(), f.price.toFixed(), f.fee?.toFixed()])).toEqual([
      ["by-zone-1", "0.006", "61000", "0.0732"],
    ]);
    expect((await c.fetchPositions())[0]?.contracts.toFixed()).toBe("0.006");
  });

  it("maps bybit errors: invalid key, bad signature, insufficient margin, duplicate link id", async () => {
    fake.revokeKey("by-revoked");
    const revoked = client("by-revoked");
    await expect(revoked.fetchBalance()).rejects.toSatisfy((e) => isAppError(e, "INVALID_KEY"));
    await expect(client("by-x", "wrong-secret").fetchBalance()).rejects.toSatisfy((e) => isAppError(e, "INVALID_KEY"));

    const c = client("by-e");
    const big = {
      symbol: BTC,
      side: "buy" as const,
      type: "market" as const,
      amount: dec("10"),
      clientOrderId: "b-big",
    };
    await expect(c.createOrder(big)).rejects.toSatisfy((e) => isAppError(e, "INSUFFICIENT_MARGIN"));
    const ok = { ...big, amount: dec("0.01"), clientOrderId: "b-dup" };
    await c.createOrder(ok);
    await expect(c.createOrder(ok)).rejects.toSatisfy((e) => isAppError(e, "CONFLICT"));
  });
});
