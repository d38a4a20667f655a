import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { type CcxtExchangeFactory, createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";

// The gate through the real ccxt client: after a 429 with Retry-After, this process sends nothing with that key
// until the window has passed, so the venue never sees a violation from us.

const BTC = "BTC/USDT:USDT";
let fake: FakeBinance;
let factory: CcxtExchangeFactory;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "1000" });
  factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 2000 });
});
afterAll(async () => {
  factory.close();
  await fake?.close();
});

const client = (apiKey: string) => factory.forAccount("binanceusdm", { apiKey, secret: `secret-${apiKey}` });
const buy = (clientOrderId: string) => ({
  symbol: BTC,
  side: "buy" as const,
  type: "market" as const,
  amount: dec("0.01"),
  clientOrderId,
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe("per-key Retry-After gate in front of ccxt", () => {
  it("fails fast for the limited key without a request, leaves other keys alone, and reopens in time", async () => {
    fake.setFaults({ rateLimit429: { apiKeys: ["gate-a"], firstAttempts: 1 }, retryAfterSec: 1 });
    const first = await rejection(client("gate-a").createOrder(buy("gate-a-1")));
    expect(first).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: 1000 });

    const requestsBefore = fake.stats().totalRequests;
    const calls = [
      client("gate-a").fetchBalance(),
      client("gate-a").fetchPositions(),
      client("gate-a").createOrder(buy("gate-a-2")),
      client("gate-a").findOrder(BTC, "gate-a-1"),
    ];
    for (const err of await Promise.all(calls.map(rejection))) {
      expect(err.code).toBe("RATE_LIMITED");
      expect(err.details?.gated).toBe(true);
      expect(err.retryAfterMs).toBeGreaterThan(0);
      expect(err.retryAfterMs).toBeLessThanOrEqual(1000);
    }
    expect(fake.stats().totalRequests).toBe(requestsBefore);

    // Another key on the same venue and instance pool is not held up.
    expect((await client("gate-b").fetchBalance()).total.toString()).toBe("1000");

    await new Promise((r) => setTimeout(r, (first.details?.retryAt as number) - Date.now() + 20));
    const placed = await client("gate-a").createOrder(buy("gate-a-1"));
    expect(placed.status).toBe("filled");
    expect(fake.creates("gate-a-1")).toBe(1);
    expect(fake.creates("gate-a-2")).toBe(0);
    expect(fake.violations()).toEqual([]);
  });
});
