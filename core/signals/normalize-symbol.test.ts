import { describe, expect, it } from "vitest";
import { normalizeSymbol } from "./normalize-symbol.ts";

describe("normalizeSymbol", () => {
  it.each([
    ["BTCUSDT", "BTC/USDT:USDT"],
    ["BTCUSDT.P", "BTC/USDT:USDT"],
    ["BINANCE:BTCUSDT.P", "BTC/USDT:USDT"],
    ["bybit:ethusdt.p", "ETH/USDT:USDT"],
    ["1000PEPEUSDT.P", "1000PEPE/USDT:USDT"],
    ["SOLUSDC", "SOL/USDC:USDC"],
    ["BTCUSDPERP", "BTC/USD:BTC"],
    ["BTC/USDT", "BTC/USDT:USDT"],
    ["BTC/USDT:USDT", "BTC/USDT:USDT"],
  ])("%s → %s", (raw, unified) => {
    expect(normalizeSymbol(raw)).toBe(unified);
  });

  it.each(["", "USDT", "BTC-EUR", "BTC USDT", "BINANCE:"])("rejects %j naming the field", (raw) => {
    expect(() => normalizeSymbol(raw)).toThrowError(/^symbol: /);
  });
});
