import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../db.ts";
import { type FakeBybit, startFakeBybit } from "../../fake-bybit/start-fake-bybit.ts";
import { createHarness, type Harness } from "../../harness.ts";

type Order = {
  kind: string;
  leg: number;
  status: string;
  clientOrderId: string;
  triggerPrice: string | null;
  limitPrice: string | null;
  requestedAmount: string;
};
type TradeView = {
  status: string;
  openAmount: string;
  entryPrice: string | null;
  closeReason: string | null;
  stopPrice: string | null;
  targetsHit: number;
  orders: Order[];
};

// A Cornix-style plan on Bybit linear, end to end: webhook, worker jobs and real ccxt against the fake Bybit, whose
// resting limits fill and conditional orders trigger as the test moves the price, and the reconciliation turns
// that follow them: a two-entry zone, three targets, a stop and a breakeven trail.
describe("a Cornix-style plan on Bybit", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let bybit: FakeBybit;
  let h: Harness;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    bybit = await startFakeBybit({ startingBalance: "20000" });
    h = createHarness({ db: testDb.db, ccxtUrlOverrides: { bybit: bybit.url } });
  });
  afterAll(async () => {
    await h?.close();
    await bybit?.close();
    await testDb?.drop();
  });

  const legs = (t: TradeView | undefined, kind: string) =>
    (t?.orders ?? [])
      .filter((o) => o.kind === kind)
      .sort((a, b) => a.leg - b.leg)
      .map((o) => [
        o.clientOrderId.slice(o.clientOrderId.lastIndexOf("-")),
        o.status,
        o.triggerPrice ?? o.limitPrice,
        o.requestedAmount,
      ]);

  it("zone, three targets, stop and breakeven: every leg placed once, the stop follows, the follower's position ends flat", async () => {
    bybit.setPrice("BTCUSDT", "60000");
    const strategy = await h.admin<{ slug: string; passphrase: string }>("POST", "/api/admin/strategies", {
      name: "Cornix on Bybit",
    });
    const user = await h.admin<{ id: string }>("POST", "/api/admin/users", {});
    const account = await h.admin<{ id: string }>("POST", `/api/admin/users/${user.id}/accounts`, {
      exchange: "bybit",
      apiKey: "plan-key",
      secret: "secret-plan-key",
    });
    await h.admin("POST", "/api/admin/subscriptions", {
      accountId: account.id,
      strategy: strategy.slug,
      sizing: { mode: "fixed", value: "5950" },
      maxLeverage: 5,
    });
    const res = await h.request("POST", `/webhooks/tradingview/${strategy.slug}`, {
      passphrase: strategy.passphrase,
      symbol: "BYBIT:BTCUSDT.P",
      id: "cornix-1",
      action: "long",
      entries: [
        { price: 59800, size_perc: 50 },
        { price: 59200, size_perc: 50 },
      ],
      sl_price: 58000,
      take_profits: [
        { price: 60500, size_perc: 40 },
        { price: 61000, size_perc: 30 },
        { price: 61500, size_perc: 30 },
      ],
      trailing: { mode: "breakeven" },
    });
    expect(res.status).toBe(202);
    await h.queue.drain();
    const trade = async () =>
      (await h.admin<{ trades: TradeView[] }>("GET", `/api/admin/accounts/${account.id}/trades`)).trades[0];

    // Sized at the zone's average (59500): 0.1, half at each limit.
    expect(legs(await trade(), "entry")).toEqual([
      ["-e", "open", "59800", "0.05"],
      ["-e1", "open", "59200", "0.05"],
    ]);
    bybit.setPrice("BTCUSDT", "59700");
    await h.reconcile();
    bybit.setPrice("BTCUSDT", "59100");
    await h.reconcile();
    let t = await trade();
    expect(t).toMatchObject({ openAmount: "0.1", entryPrice: "59500" });
    expect(legs(t, "take_profit").filter((l) => l[1] === "open")).toEqual([
      ["-tp11", "open", "60500", "0.04"],
      ["-tp12", "open", "61000", "0.03"],
      ["-tp13", "open", "61500", "0.03"],
    ]);
    expect(legs(t, "stop_loss").at(-1)).toEqual(["-sl1", "open", "58000", "0.1"]);

    // Target 1: the stop goes to the average entry for what is left.
    bybit.setPrice("BTCUSDT", "60600");
    await h.reconcile();
    t = await trade();
    expect(t).toMatchObject({ openAmount: "0.06", targetsHit: 1, stopPrice: "59500" });
    // Back down: the moved stop closes the rest.
    bybit.setPrice("BTCUSDT", "59400");
    await h.reconcile();
    t = await trade();
    expect(t).toMatchObject({ status: "closed", closeReason: "stop_loss", openAmount: "0" });
    const held = [...bybit.state.account("plan-key").positions.values()].filter((p) => !p.size.isZero());
    expect(held).toEqual([]);
    const exchangeOrders = [...(bybit.state.account("plan-key").orders.values() ?? [])];
    const ids = exchangeOrders.map((o) => o.orderLinkId).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(exchangeOrders.filter((o) => ["New", "PartiallyFilled", "Untriggered"].includes(o.orderStatus))).toEqual([]);
  });
});
