import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { dec } from "../platform/decimal.ts";
import { AppError, type ErrorCode } from "../platform/errors.ts";
import { type CcxtExchangeFactory, createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";
import type { OrderRequest } from "./exchange.ts";

// Every error path through the real ccxt binanceusdm client, as the fake answers it.

const BTC = "BTC/USDT:USDT";
let fake: FakeBinance;
let factory: CcxtExchangeFactory;
let keyN = 0;

const newKey = () => {
  keyN += 1;
  return `err-test-${keyN}`;
};
const client = (apiKey = newKey(), secret = `secret-${apiKey}`) =>
  factory.forAccount("binanceusdm", { apiKey, secret });
const buy = (clientOrderId: string, amount = "0.01", symbol = BTC): OrderRequest => ({
  symbol,
  side: "buy",
  type: "market",
  amount: dec(amount),
  clientOrderId,
});

async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`expected an AppError, got ${String(err)}`);
  }
  throw new Error("expected a rejection");
}

async function expectCode(p: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const err = await appErrorOf(p);
  expect(err.code, err.message).toBe(code);
  return err;
}

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "1000" });
  factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 800 });
});

afterEach(() => fake.setFaults({}));

afterAll(async () => {
  factory.close();
  await fake.close();
});

describe("ccxt error mapping against the fake Binance", () => {
  it("insufficient margin", async () => {
    // 1 BTC at 60000 with 20x needs 3000 USDT of margin; the account has 1000.
    const err = await expectCode(client().createOrder(buy("too-big", "1")), "INSUFFICIENT_MARGIN");
    expect(err.details?.exchangeCode).toBe("-2019");
  });

  it("below the minimum notional, and an amount that rounds to nothing", async () => {
    const err = await expectCode(client().createOrder(buy("tiny", "0.001")), "BELOW_MINIMUM");
    expect(err.details?.exchangeCode).toBe("-4164");
    await expectCode(client().createOrder(buy("dust", "0.0004")), "BELOW_MINIMUM");
  });

  it("unknown market", async () => {
    await expectCode(client().createOrder(buy("x", "1", "DOGE/USDT:USDT")), "UNKNOWN_MARKET");
    await expectCode(client().fetchPrice("DOGE/USDT:USDT"), "UNKNOWN_MARKET");
    await expectCode(client().findOrder("DOGE/USDT:USDT", "x"), "UNKNOWN_MARKET");
  });

  it("wrong secret, revoked key, and no credentials leaking into the message", async () => {
    const apiKey = newKey();
    const badSecret = "definitely-not-the-secret";
    const err = await expectCode(client(apiKey, badSecret).fetchBalance(), "INVALID_KEY");
    expect(err.details?.exchangeCode).toBe("-1022");
    expect(err.message).not.toContain(badSecret);
    expect(err.message).not.toContain(apiKey);

    const revoked = newKey();
    fake.revokeKey(revoked);
    const err2 = await expectCode(client(revoked).createOrder(buy("r-1")), "INVALID_KEY");
    expect(err2.details?.exchangeCode).toBe("-2015");
    expect(JSON.stringify(err2.details)).not.toContain(revoked);
  });

  it("429 becomes RATE_LIMITED with retryAfterMs from Retry-After, and the order is not placed", async () => {
    fake.setFaults({ rateLimit429: 1, retryAfterSec: 3 });
    const err = await expectCode(client().createOrder(buy("rl-1")), "RATE_LIMITED");
    expect(err.retryAfterMs).toBe(3000);
    expect(err.retryable).toBe(true);
    expect(fake.creates("rl-1")).toBe(0);
  });

  it("a request inside Retry-After (from another process) is a violation, and is rate limited again", async () => {
    const apiKey = newKey();
    fake.setFaults({ rateLimit429: { clientOrderIds: ["rl-2"] }, retryAfterSec: 30 });
    await expectCode(client(apiKey).createOrder(buy("rl-2")), "RATE_LIMITED");
    const before = fake.violations().length;
    // This process's own gate would refuse without sending (rate-limit-gate.ts); a second factory has no memory.
    const other = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 800 });
    try {
      const err = await expectCode(
        other.forAccount("binanceusdm", { apiKey, secret: `secret-${apiKey}` }).fetchBalance(),
        "RATE_LIMITED",
      );
      expect(err.retryAfterMs).toBeGreaterThan(25_000);
      expect(fake.violations().slice(before)).toEqual([expect.objectContaining({ apiKey, path: "/fapi/v3/account" })]);
    } finally {
      other.close();
    }
  });

  it("502 on create is EXCHANGE_UNCERTAIN (the caller looks the order up first)", async () => {
    fake.setFaults({ badGateway502: 1 });
    const c = client();
    await expectCode(c.createOrder(buy("gw-1")), "EXCHANGE_UNCERTAIN");
    fake.setFaults({});
    expect(await c.findOrder(BTC, "gw-1")).toBeNull();
  });

  it("a timeout after the exchange accepted is EXCHANGE_UNCERTAIN, and findOrder then finds the order", async () => {
    fake.setFaults({ timeoutAfterAccept: { firstAttempts: 1 } });
    const c = client();
    await expectCode(c.createOrder(buy("to-1")), "EXCHANGE_UNCERTAIN");
    expect(fake.creates("to-1")).toBe(1);
    expect(await c.findOrder(BTC, "to-1")).toMatchObject({ status: "filled", clientOrderId: "to-1" });
  });

  it("a connection reset after accept is EXCHANGE_UNCERTAIN too", async () => {
    fake.setFaults({ timeoutAfterAccept: 1, timeoutMode: "destroy" });
    const c = client();
    await expectCode(c.createOrder(buy("reset-1")), "EXCHANGE_UNCERTAIN");
    fake.setFaults({});
    expect(await c.findOrder(BTC, "reset-1")).toMatchObject({ status: "filled" });
  });

  it("a reduce-only order without a position is ORDER_REJECTED", async () => {
    await expectCode(client().createOrder({ ...buy("ro-1"), reduceOnly: true }), "ORDER_REJECTED");
  });

  it("a trigger the market already crossed (-2021) is WOULD_TRIGGER, so the trade closes at market instead", async () => {
    const c = client();
    await c.createOrder(buy("pos-x"));
    const req = { ...buy("sl-x"), side: "sell" as const, type: "stop_loss" as const, triggerPrice: dec("61000") };
    await expectCode(c.createOrder(req), "WOULD_TRIGGER");
  });

  it("a duplicate client id of a still-open order is CONFLICT", async () => {
    const c = client();
    await c.createOrder(buy("pos-d"));
    const tp = {
      ...buy("tp-d"),
      side: "sell" as const,
      type: "take_profit" as const,
      triggerPrice: dec("70000"),
      reduceOnly: true,
    };
    await c.createOrder(tp);
    await expectCode(c.createOrder(tp), "CONFLICT");
  });

  it("an unreachable exchange is EXCHANGE_UNCERTAIN for creates", async () => {
    const dead = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 800 });
    try {
      const c = dead.forAccount("binanceusdm", { apiKey: "k", secret: "secret-k" });
      await c.market(BTC);
      dead.close();
      await fake.close();
      await expectCode(c.createOrder(buy("dead-1")), "EXCHANGE_UNCERTAIN");
    } finally {
      fake = await startFakeBinance({ startingBalance: "1000" });
      factory.close();
      factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 800 });
    }
  });
});
