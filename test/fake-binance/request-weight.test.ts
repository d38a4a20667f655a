import ccxt, { type Exchange } from "ccxt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BTC, ccxtClient, control, sleep, thrown } from "./clients.ts";
import { type FakeBinance, startFakeBinance } from "./start-fake-binance.ts";

// Request weight per IP: reported on every answer, enforced only when a limit is set.

let fake: FakeBinance;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
});

afterEach(() => fake.setWeightLimit({}));

afterAll(async () => {
  await fake.close();
});

// ccxt keeps the last answer's headers with its own capitalisation; compared lower-cased here.
const headers = (ex: Exchange) =>
  Object.fromEntries(
    Object.entries(ex.last_response_headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
  );
const used = (ex: Exchange) => Number(headers(ex)["x-mbx-used-weight-1m"]);

describe("request weight", () => {
  it("reports the IP's used weight on every answer, with Binance's per-endpoint weights", async () => {
    fake.setWeightLimit({});
    const ex = await ccxtClient(fake.url, "w-1", { options: { warnOnFetchOpenOrdersWithoutSymbol: false } });
    expect(used(ex)).toBe(1); // exchangeInfo
    await ex.fetchBalance();
    expect(used(ex)).toBe(6); // + account 5
    await ex.fetchOpenOrders(BTC);
    expect(used(ex)).toBe(7);
    await ex.fetchOpenOrders();
    expect(used(ex)).toBe(47);
    await ex.fetchPositions([BTC]);
    expect(used(ex)).toBe(53); // leverageBracket 1 (loaded once), positionRisk 5
    // One IP: another key's requests add to the same window.
    const other = await ccxtClient(fake.url, "w-2");
    expect(used(other)).toBe(54);
    // Order creation weighs nothing on the IP but counts on the account's order windows.
    await ex.createOrder(BTC, "market", "buy", 0.01);
    expect(used(ex)).toBe(54);
    expect(headers(ex)["x-mbx-order-count-10s"]).toBe("1");
    expect(headers(ex)["x-mbx-order-count-1m"]).toBe("1");
    await ex.createOrder(BTC, "market", "sell", 0.01, undefined, { reduceOnly: true });
    expect(headers(ex)["x-mbx-order-count-1m"]).toBe("2");
    expect(fake.usedWeight()).toBe(54);
  });

  it("answers 429 past the limit, then 418 bans that grow while the client keeps sending", async () => {
    fake.setWeightLimit({ limitPerMinute: 30, banBaseSec: 1 });
    const ex = await ccxtClient(fake.url, "w-3"); // 1
    for (let i = 0; i < 5; i++) await ex.fetchBalance(); // 26
    const over = await thrown(ex.fetchBalance()); // 31 > 30
    expect(over).toBeInstanceOf(ccxt.DDoSProtection);
    expect(over.message).toContain("429");
    expect(over.message).toContain('"code":-1003');
    expect(over.message).toContain("request weight per minute is 30");
    const wait = Number(headers(ex)["retry-after"]);
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);

    // Not waiting: banned, 1 s.
    const banned = await thrown(ex.fetchTime());
    expect(banned).toBeInstanceOf(ccxt.DDoSProtection);
    expect(banned.message).toContain("418");
    expect(banned.message).toContain("banned until");
    expect(headers(ex)["retry-after"]).toBe("1");
    // Every key of the IP is shut out.
    expect((await thrown(ccxtClient(fake.url, "w-4"))).message).toContain("418");

    // Once the ban is over the minute is still spent: sending again earns a longer ban.
    await sleep(1_100);
    const again = await thrown(ex.fetchTime());
    expect(again.message).toContain("418");
    expect(headers(ex)["retry-after"]).toBe("2");
  });

  it("opens a new window once the old one is over, and is configurable over /__control", async () => {
    await control(fake.url, "POST", "weight-limit", { limitPerMinute: 10, banBaseSec: 1, windowMs: 500 });
    const ex = await ccxtClient(fake.url, "w-5"); // 1
    await ex.fetchBalance(); // 6
    await expect(ex.fetchBalance()).rejects.toBeInstanceOf(ccxt.DDoSProtection); // 11
    expect((await control(fake.url, "GET", "weight")).body).toEqual({
      used: 11,
      limitPerMinute: 10,
      banBaseSec: 1,
      windowMs: 500,
    });
    await sleep(550);
    await ex.fetchBalance();
    expect(used(ex)).toBe(5);
  });

  it("is off by default: nothing is refused however much is sent", async () => {
    const ex = await ccxtClient(fake.url, "w-6", { options: { warnOnFetchOpenOrdersWithoutSymbol: false } });
    for (let i = 0; i < 70; i++) await ex.fetchOpenOrders();
    expect(used(ex)).toBeGreaterThan(2400);
  });
});
