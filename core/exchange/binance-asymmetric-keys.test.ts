import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import { dec } from "../platform/decimal.ts";
import { isAppError } from "../platform/errors.ts";
import { type CcxtExchangeFactory, createCcxtExchangeFactory } from "./ccxt-exchange-factory.ts";

// Binance accepts RSA and Ed25519 API keys besides HMAC ones: the follower stores the private key (PEM) as the
// secret and registers the public key with Binance. Market orders of HMAC keys take Mimic's short path
// (binance-market-order.ts); these keys are signed by ccxt. The fake verifies either signature.

const BTC = "BTC/USDT:USDT";
let fake: FakeBinance;
let factory: CcxtExchangeFactory;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000", autoRegisterKeys: false });
  factory = createCcxtExchangeFactory({ urlOverrides: { binanceusdm: fake.url }, timeoutMs: 2000 });
});

afterAll(async () => {
  factory.close();
  await fake.close();
});

function keyPair(type: "ed25519" | "rsa") {
  const { publicKey, privateKey } =
    type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ed25519");
  return {
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

describe.each(["ed25519", "rsa"] as const)("a Binance USDⓈ-M key of type %s", (type) => {
  it("trades: balance, market entry, take-profit, order look-up", async () => {
    const { publicPem, privatePem } = keyPair(type);
    const apiKey = `${type}-trader`;
    fake.addKey(apiKey, publicPem);
    const c = factory.forAccount("binanceusdm", { apiKey, secret: privatePem });

    expect((await c.fetchBalance()).free.toFixed()).toBe("10000");
    const entry = await c.createOrder({
      symbol: BTC,
      side: "buy",
      type: "market",
      amount: dec("0.01"),
      clientOrderId: `${type}-entry`,
    });
    expect(entry).toMatchObject({ clientOrderId: `${type}-entry`, status: "filled" });
    expect(entry.filledAmount.toFixed()).toBe("0.01");
    const tp = await c.createOrder({
      symbol: BTC,
      side: "sell",
      type: "take_profit",
      amount: dec("0.01"),
      triggerPrice: dec("66000"),
      reduceOnly: true,
      clientOrderId: `${type}-tp`,
    });
    expect(tp.status).toBe("open");
    expect(await c.findOrder(BTC, `${type}-entry`)).toMatchObject({ status: "filled" });
    expect(fake.creates(`${type}-entry`)).toBe(1);
    expect(fake.violations()).toEqual([]);
  });

  it("is refused as INVALID_KEY when the private key is not the registered one's", async () => {
    const registered = keyPair(type);
    const other = keyPair(type);
    const apiKey = `${type}-mismatch`;
    fake.addKey(apiKey, registered.publicPem);
    const c = factory.forAccount("binanceusdm", { apiKey, secret: other.privatePem });
    await expect(
      c.createOrder({ symbol: BTC, side: "buy", type: "market", amount: dec("0.01"), clientOrderId: `${type}-x` }),
    ).rejects.toSatisfy((e) => isAppError(e, "INVALID_KEY"));
    expect(fake.creates(`${type}-x`)).toBe(0);
  });
});
