import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { type FakeBybit, startFakeBybit } from "../../test/fake-bybit/start-fake-bybit.ts";
import { isAppError } from "../platform/errors.ts";
import { createCcxtKeyPermissions } from "./ccxt-key-permissions.ts";

let binance: FakeBinance;
let bybit: FakeBybit;
let permissions: ReturnType<typeof createCcxtKeyPermissions>;
const creds = (apiKey: string) => ({ apiKey, secret: `secret-${apiKey}` });

beforeAll(async () => {
  binance = await startFakeBinance();
  bybit = await startFakeBybit();
  permissions = createCcxtKeyPermissions({
    urlOverrides: { binanceusdm: binance.url, bybit: bybit.url },
    timeoutMs: 2000,
  });
});

afterAll(async () => {
  await binance.close();
  await bybit.close();
});

describe("createCcxtKeyPermissions", () => {
  it("tells a Binance USDⓈ-M key that can withdraw from a trade-only one", async () => {
    binance.addKey("bn-withdraw");
    binance.state.withdrawalKeys.add("bn-withdraw");
    expect(await permissions.canWithdraw("binanceusdm", creds("bn-withdraw"))).toBe(true);
    expect(await permissions.canWithdraw("binanceusdm", creds("bn-trade"))).toBe(false);
  });

  it("tells a Bybit key with the Withdraw wallet permission from a trade-only one", async () => {
    bybit.allowWithdrawals("by-withdraw");
    expect(await permissions.canWithdraw("bybit", creds("by-withdraw"))).toBe(true);
    expect(await permissions.canWithdraw("bybit", creds("by-trade"))).toBe(false);
  });

  it("answers null where the venue does not say, and INVALID_KEY for a revoked key", async () => {
    expect(await permissions.canWithdraw("okx", { apiKey: "k", secret: "s", password: "p" })).toBeNull();
    bybit.revokeKey("by-revoked");
    await expect(permissions.canWithdraw("bybit", creds("by-revoked"))).rejects.toSatisfy((e) =>
      isAppError(e, "INVALID_KEY"),
    );
  });
});
