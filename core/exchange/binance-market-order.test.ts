import ccxt, { type Dict, type Exchange } from "ccxt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBinance, startFakeBinance } from "../../test/fake-binance/start-fake-binance.ts";
import {
  binanceMarketOrderRequest,
  fromBinanceOrder,
  type MarketOrder,
  signBinanceOrder,
} from "./binance-market-order.ts";
import { applyUrlOverride } from "./ccxt-url-override.ts";
import { toOrderResult } from "./map-ccxt-order.ts";

// The lean path must stay what ccxt's createOrder would have done: the same request, the same reading of the
// answer. Compared here with ccxt's own builder and parser, so a ccxt upgrade that changes either shows up.

const BTC = "BTC/USDT:USDT";
let fake: FakeBinance;
let ex: Exchange;

beforeAll(async () => {
  fake = await startFakeBinance({ startingBalance: "10000" });
  ex = new ccxt.binanceusdm({ options: { defaultType: "swap", fetchCurrencies: false, recvWindow: 5_000 } });
  applyUrlOverride(ex, fake.url);
  await ex.loadMarkets();
});

afterAll(async () => {
  await fake.close();
});

const orders: MarketOrder[] = [
  { symbol: BTC, side: "buy", amount: "0.003", clientOrderId: "mimic-a", reduceOnly: false },
  { symbol: BTC, side: "sell", amount: "1.25", clientOrderId: "mimic-b", reduceOnly: false },
  { symbol: BTC, side: "sell", amount: "0.003", clientOrderId: "mimic-c", reduceOnly: true },
  { symbol: "ETH/USDT:USDT", side: "buy", amount: "12.5", clientOrderId: "mimic-d", reduceOnly: true },
  // Entries under a slippage cap: IOC limits.
  { symbol: BTC, side: "buy", amount: "0.003", clientOrderId: "mimic-e", reduceOnly: false, limitPrice: "65195" },
  { symbol: BTC, side: "sell", amount: "0.1", clientOrderId: "mimic-f", reduceOnly: false, limitPrice: "64805.1" },
  {
    symbol: "ETH/USDT:USDT",
    side: "sell",
    amount: "1",
    clientOrderId: "mimic-g",
    reduceOnly: true,
    limitPrice: "3000",
  },
  // Resting limits: an entry zone's legs, a DCA order.
  { symbol: BTC, side: "buy", amount: "0.003", clientOrderId: "mimic-h", reduceOnly: false, limitPrice: "63000" },
  { symbol: BTC, side: "sell", amount: "0.02", clientOrderId: "mimic-i", reduceOnly: false, limitPrice: "67000.5" },
];
const gtc = new Set(["mimic-h", "mimic-i"]);
for (const o of orders) if (gtc.has(o.clientOrderId)) o.timeInForce = "GTC";

describe("Binance USDⓈ-M market orders by the implicit endpoint", () => {
  it("sends the request ccxt's createOrder builds", () => {
    for (const o of orders) {
      const params: Dict = { clientOrderId: o.clientOrderId };
      if (o.reduceOnly) params.reduceOnly = true;
      if (o.limitPrice) params.timeInForce = o.timeInForce ?? "IOC";
      const ccxtRequest = (ex as unknown as { createOrderRequest(...a: unknown[]): Dict }).createOrderRequest(
        o.symbol,
        o.limitPrice ? "limit" : "market",
        o.side,
        Number(o.amount),
        o.limitPrice ? Number(o.limitPrice) : undefined,
        params,
      );
      expect(binanceMarketOrderRequest(ex, o)).toEqual(ccxtRequest);
    }
  });

  it("signs the request as ccxt's sign does, byte for byte", () => {
    const fixed = ex as unknown as { nonce(): number; sign(...a: unknown[]): Dict };
    const realNonce = fixed.nonce;
    fixed.nonce = () => 1_763_700_000_123;
    try {
      ex.apiKey = "key-1";
      ex.secret = "secret-key-1";
      for (const o of orders) {
        const request = binanceMarketOrderRequest(ex, o);
        const viaCcxt = fixed.sign("order", "fapiPrivate", "POST", { ...request });
        expect(signBinanceOrder(ex, request)).toEqual({
          url: viaCcxt.url,
          body: viaCcxt.body,
          headers: viaCcxt.headers,
        });
      }
      // An RSA or Ed25519 key is signed by ccxt itself.
      ex.secret = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----";
      expect(signBinanceOrder(ex, binanceMarketOrderRequest(ex, orders[0] as MarketOrder))).toBeUndefined();
    } finally {
      fixed.nonce = realNonce;
      ex.apiKey = "";
      ex.secret = "";
    }
  });

  it("reads every order status, fill and average as toOrderResult(parseOrder) does", () => {
    const base = {
      orderId: 283194212,
      symbol: "BTCUSDT",
      clientOrderId: "mimic-a",
      price: "0",
      origQty: "0.003",
      cumQuote: "0",
      timeInForce: "GTC",
      type: "MARKET",
      origType: "MARKET",
      reduceOnly: false,
      closePosition: false,
      side: "BUY",
      positionSide: "BOTH",
      stopPrice: "0",
      workingType: "CONTRACT_PRICE",
      priceProtect: false,
      priceMatch: "NONE",
      selfTradePreventionMode: "EXPIRE_MAKER",
      goodTillDate: 0,
      updateTime: 1_763_700_000_000,
    };
    const answers: Dict[] = [
      { ...base, status: "FILLED", executedQty: "0.003", avgPrice: "64250.10", cumQuote: "192.75030" },
      { ...base, status: "NEW", executedQty: "0", avgPrice: "0.00" },
      { ...base, status: "PARTIALLY_FILLED", executedQty: "0.001", avgPrice: "64250.10" },
      { ...base, status: "CANCELED", executedQty: "0", avgPrice: "0" },
      { ...base, status: "EXPIRED", executedQty: "0.002", avgPrice: "64251", side: "SELL", reduceOnly: true },
      { ...base, status: "EXPIRED_IN_MATCH", executedQty: "0", avgPrice: "0" },
      { ...base, status: "REJECTED", executedQty: "0", avgPrice: "0" },
      // A resting GTC limit, untouched and partly filled, then cancelled with its filled part.
      { ...base, type: "LIMIT", origType: "LIMIT", price: "63000", status: "NEW", executedQty: "0", avgPrice: "0" },
      {
        ...base,
        type: "LIMIT",
        origType: "LIMIT",
        price: "63000",
        status: "PARTIALLY_FILLED",
        executedQty: "0.001",
        avgPrice: "63000",
      },
      {
        ...base,
        type: "LIMIT",
        origType: "LIMIT",
        price: "63000",
        status: "CANCELED",
        executedQty: "0.001",
        avgPrice: "63000",
      },
      // An IOC limit the market had moved past, and one that met part of the book.
      { ...base, type: "LIMIT", origType: "LIMIT", timeInForce: "IOC", price: "65195", status: "EXPIRED" },
      {
        ...base,
        type: "LIMIT",
        origType: "LIMIT",
        timeInForce: "IOC",
        price: "65195",
        status: "EXPIRED",
        executedQty: "0.001",
        avgPrice: "65100",
      },
    ];
    const o = orders[0] as MarketOrder;
    for (const answer of answers) {
      const viaCcxt = toOrderResult(ex.parseOrder(answer, ex.market(BTC)), {
        symbol: o.symbol,
        side: o.side,
        clientOrderId: o.clientOrderId,
      });
      const lean = fromBinanceOrder(answer, o);
      expect({ ...lean, filledAmount: lean.filledAmount.toString(), avgPrice: lean.avgPrice?.toString() }).toEqual({
        ...viaCcxt,
        filledAmount: viaCcxt.filledAmount.toString(),
        avgPrice: viaCcxt.avgPrice?.toString(),
      });
    }
    // A resting limit is open while anything is left, with what has filled so far; cancelled, it keeps that part.
    const read = (i: number) => {
      const r = fromBinanceOrder(answers[i] as Dict, o);
      return [r.status, r.filledAmount.toString(), r.avgPrice?.toString()];
    };
    expect([read(7), read(8), read(9)]).toEqual([
      ["open", "0", undefined],
      ["open", "0.001", "63000"],
      ["canceled", "0.001", "63000"],
    ]);
  });
});
