import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { type FakeBybit, startFakeBybit } from "../../test/fake-bybit/start-fake-bybit.ts";
import { createHarness, type Harness } from "../../test/harness.ts";

// Linking through the admin API runs linkAccount exactly as the chat does: key proven, withdrawals refused.
describe("POST /api/admin/users/:userId/accounts with live keys", () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let binance: FakeBinance;
  let bybit: FakeBybit;
  let h: Harness;
  let userId: string;
  const link = (body: object) => h.request("POST", `/api/admin/users/${userId}/accounts`, body);
  const saved = () => testDb.db.prisma.exchangeAccount.count({ where: { userId } });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    binance = await startFakeBinance();
    bybit = await startFakeBybit();
    h = createHarness({ db: testDb.db, ccxtUrlOverrides: { binanceusdm: binance.url, bybit: bybit.url } });
    userId = (await h.admin<{ id: string }>("POST", "/api/admin/users", {})).id;
  });
  afterAll(async () => {
    await h?.close();
    await binance?.close();
    await bybit?.close();
    await testDb?.drop();
  });

  it("422 KEY_CAN_WITHDRAW for a Binance or Bybit key that can withdraw, and nothing saved", async () => {
    binance.addKey("bn-withdraw");
    binance.state.withdrawalKeys.add("bn-withdraw");
    bybit.allowWithdrawals("by-withdraw");
    for (const [exchange, apiKey] of [
      ["binanceusdm", "bn-withdraw"],
      ["bybit", "by-withdraw"],
    ]) {
      const res = await link({ exchange, apiKey, secret: `secret-${apiKey}` });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: "KEY_CAN_WITHDRAW" } });
    }
    expect(await saved()).toBe(0);
    const audit = await testDb.db.prisma.auditLog.count({ where: { userId, action: "account.linked" } });
    expect(audit).toBe(0);
  });

  it("links a trade-only key", async () => {
    const res = await link({ exchange: "binanceusdm", apiKey: "bn-trade", secret: "secret-bn-trade" });
    expect(res.status).toBe(201);
    expect(await saved()).toBe(1);
  });

  it("400 naming the exchange for one Mimic cannot trade exactly once, before any key is tried", async () => {
    const res = await link({ exchange: "apex", apiKey: "k", secret: "s" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: "BAD_REQUEST",
        field: "exchange",
        message:
          'exchange: "apex" cannot look up orders by client order id, which Mimic needs to place each order exactly once',
      },
    });
    const spot = await link({ exchange: "kraken", apiKey: "k", secret: "s" });
    expect(await spot.json()).toMatchObject({
      error: { message: 'exchange: "kraken" has no linear perpetual futures in ccxt, the only markets Mimic trades' },
    });
  });
});
