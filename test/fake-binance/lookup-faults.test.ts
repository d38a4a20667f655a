import ccxt from "ccxt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BY_CLIENT_ID } from "../../core/exchange/order-lookup.ts";
import { BTC, ccxtClient, control, idOf, sleep, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Order look-ups that time out, fail with a 5xx, or answer "does not exist" for an order that does.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000", holdMs: 5_000 });
});

afterEach(() => fake.setFaults({}));

afterAll(async () => {
  await fake.close();
});

const byClientId = (clientOrderId: string, trigger = false) =>
  [BY_CLIENT_ID, BTC, trigger ? { clientOrderId, trigger: true } : { clientOrderId }] as const;

describe("order look-up faults", () => {
  it("lookupTimeout holds the socket of the first look-up; the next one answers", async () => {
    const ex = await ccxtClient(fake.url, "lookup-1", { timeout: 300 });
    await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "lt-1" });
    fake.setFaults({ lookupTimeout: { clientOrderIds: ["lt-1"], firstAttempts: 1 } });
    expect(await thrown(ex.fetchOrder(...byClientId("lt-1")))).toBeInstanceOf(ccxt.RequestTimeout);
    expect((await ex.fetchOrder(...byClientId("lt-1"))).status).toBe("closed");
  });

  it("lookupTimeout with timeoutMode destroy resets the connection; it matches orders looked up by id too", async () => {
    const ex = await ccxtClient(fake.url, "lookup-2");
    const placed = await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "lt-2" });
    fake.setFaults({ lookupTimeout: { clientOrderIds: ["lt-2"] }, timeoutMode: "destroy" });
    expect(await thrown(ex.fetchOrder(idOf(placed), BTC))).toBeInstanceOf(ccxt.NetworkError);
  });

  it("lookup5xx answers a gateway page or -1001, per mode", async () => {
    const ex = await ccxtClient(fake.url, "lookup-3");
    await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "l5-1" });
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { stopLossPrice: 50000, clientOrderId: "l5-sl" });
    fake.setFaults({ lookup5xx: 1 });
    const bad = await thrown(ex.fetchOrder(...byClientId("l5-1")));
    expect(bad).toBeInstanceOf(ccxt.ExchangeNotAvailable);
    expect(bad.message).toContain("502");
    fake.setFaults({ lookup5xx: 1, lookup5xxMode: "503" });
    expect(await thrown(ex.fetchOrder(...byClientId("l5-sl", true)))).toBeInstanceOf(ccxt.ExchangeNotAvailable);
    await control(fake.url, "POST", "faults", { lookup5xx: { apiKeys: ["lookup-3"] }, lookup5xxMode: "-1001" });
    const internal = await thrown(ex.fetchOrder(...byClientId("l5-1")));
    expect(internal).toBeInstanceOf(ccxt.OperationFailed);
    expect(internal.message).toContain("-1001");
    // Creates are not look-ups.
    expect((await ex.createOrder(BTC, "market", "buy", 0.01)).status).toBe("closed");
  });

  it("staleLookupMs: a fresh order answers -2013 exactly like one never placed, then shows up", async () => {
    fake.setFaults({ staleLookupMs: 400 });
    const ex = await ccxtClient(fake.url, "lookup-4");
    const placed = await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "st-1" });
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { stopLossPrice: 50000, clientOrderId: "st-sl" });
    const stale = await thrown(ex.fetchOrder(...byClientId("st-1")));
    const never = await thrown(ex.fetchOrder(...byClientId("never-placed")));
    expect(stale).toBeInstanceOf(ccxt.OrderNotFound);
    expect(stale.message.replace("st-1", "")).toBe(never.message.replace("never-placed", ""));
    expect(await thrown(ex.fetchOrder(idOf(placed), BTC))).toBeInstanceOf(ccxt.OrderNotFound);
    expect(await thrown(ex.fetchOrder(...byClientId("st-sl", true)))).toBeInstanceOf(ccxt.OrderNotFound);
    // The open-orders list is not the replica that lags.
    expect((await ex.fetchOpenOrders(BTC, undefined, undefined, { trigger: true })).length).toBe(1);
    await sleep(450);
    expect((await ex.fetchOrder(...byClientId("st-1"))).status).toBe("closed");
    expect((await ex.fetchOrder(...byClientId("st-sl", true))).clientOrderId).toBe("st-sl");
  });

  it("staleLookup narrows which orders are stale", async () => {
    fake.setFaults({ staleLookupMs: 60_000, staleLookup: { clientOrderIds: ["st-2"] } });
    const ex = await ccxtClient(fake.url, "lookup-5");
    await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "st-2" });
    await ex.createOrder(BTC, "market", "buy", 0.01, undefined, { clientOrderId: "st-3" });
    expect(await thrown(ex.fetchOrder(...byClientId("st-2")))).toBeInstanceOf(ccxt.OrderNotFound);
    expect((await ex.fetchOrder(...byClientId("st-3"))).status).toBe("closed");
  });
});
