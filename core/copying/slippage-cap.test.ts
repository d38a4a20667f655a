import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { capExpiredReason, capLimitPrice, slippageCapPerc } from "./slippage-cap.ts";

describe("slippageCapPerc", () => {
  it("takes the follower's cap over the signal's, and the signal's over the default", () => {
    expect(slippageCapPerc({ follower: "1.5", signal: "0.8", base: "BTC" }).toFixed()).toBe("1.5");
    expect(slippageCapPerc({ follower: null, signal: "0.8", base: "BTC" }).toFixed()).toBe("0.8");
    expect(slippageCapPerc({ follower: undefined, signal: dec("2"), base: "SOL" }).toFixed()).toBe("2");
  });

  it("defaults to 0.3% for BTC and ETH and 0.5% for every other base asset", () => {
    expect(slippageCapPerc({ follower: null, signal: null, base: "BTC" }).toFixed()).toBe("0.3");
    expect(slippageCapPerc({ follower: null, signal: null, base: "ETH" }).toFixed()).toBe("0.3");
    expect(slippageCapPerc({ follower: null, signal: null, base: "eth" }).toFixed()).toBe("0.3");
    expect(slippageCapPerc({ follower: null, signal: null, base: "SOL" }).toFixed()).toBe("0.5");
    expect(slippageCapPerc({ follower: null, signal: null, base: "1000PEPE" }).toFixed()).toBe("0.5");
  });

  it("reads a stored zero as unset", () => {
    expect(slippageCapPerc({ follower: "0", signal: "0", base: "BTC" }).toFixed()).toBe("0.3");
  });
});

describe("capLimitPrice", () => {
  const step = dec("0.1");

  it("puts a buy above the reference and a sell below it, by the cap", () => {
    expect(
      capLimitPrice({ side: "buy", reference: dec("65000"), capPerc: dec("0.3"), priceStep: step }).toFixed(),
    ).toBe("65195");
    expect(
      capLimitPrice({ side: "sell", reference: dec("65000"), capPerc: dec("0.3"), priceStep: step }).toFixed(),
    ).toBe("64805");
  });

  it("rounds onto the price step on the side that keeps within the cap: a buy down, a sell up", () => {
    // 60123.4 × 1.003 = 60303.7702; × 0.997 = 59943.0298
    const at = { reference: dec("60123.4"), capPerc: dec("0.3"), priceStep: step };
    expect(capLimitPrice({ side: "buy", ...at }).toFixed()).toBe("60303.7");
    expect(capLimitPrice({ side: "sell", ...at }).toFixed()).toBe("59943.1");
    // A coarse step never widens the cap: 1.2345 × 1.005 = 1.2406725 → 1.24; × 0.995 = 1.2283275 → 1.23.
    const coarse = { reference: dec("1.2345"), capPerc: dec("0.5"), priceStep: dec("0.01") };
    expect(capLimitPrice({ side: "buy", ...coarse }).toFixed()).toBe("1.24");
    expect(capLimitPrice({ side: "sell", ...coarse }).toFixed()).toBe("1.23");
  });

  it("keeps the decimals exact (no float on the way)", () => {
    const limit = capLimitPrice({
      side: "buy",
      reference: dec("0.000012345"),
      capPerc: dec("0.5"),
      priceStep: dec("0.000000001"),
    });
    expect(limit.toFixed()).toBe("0.000012406");
  });
});

describe("capExpiredReason", () => {
  it("names the cap and the price the market moved past", () => {
    expect(capExpiredReason(dec("0.3"), dec("65195"))).toMatch(
      /^not filled within the 0\.3% slippage cap: the price moved past 65195; nothing was opened/,
    );
  });
});
