import { describe, expect, it } from "vitest";
import type { MarketInfo } from "../exchange/exchange.ts";
import { Decimal } from "../platform/decimal.ts";
import { sizeOrder } from "./size-order.ts";

const market: MarketInfo = {
  symbol: "BTC/USDT:USDT",
  base: "BTC",
  quote: "USDT",
  amountStep: new Decimal("0.001"),
  priceStep: new Decimal("0.1"),
  minAmount: new Decimal("0.001"),
  minNotional: new Decimal("100"),
};
const base = {
  value: null,
  signalRiskPerc: null,
  signalQty: null,
  freeBalance: new Decimal("10000"),
  price: new Decimal("50000"),
  leverage: 1,
  market,
};

describe("sizeOrder", () => {
  it("risk: percent of free balance as margin, times leverage, floored to the step", () => {
    // 10000 × 2% = 200 margin × 5x = 1000 notional / 50000 = 0.02
    expect(sizeOrder({ ...base, mode: "risk", value: new Decimal(2), leverage: 5 }).toString()).toBe("0.02");
    // 10000 × 1.5% = 150 / 50000 = 0.003
    expect(sizeOrder({ ...base, mode: "risk", signalRiskPerc: new Decimal("1.5") }).toString()).toBe("0.003");
    expect(sizeOrder({ ...base, mode: "risk", value: new Decimal("1.23") }).toString()).toBe("0.002");
  });

  it("fixed: a quote notional", () => {
    expect(sizeOrder({ ...base, mode: "fixed", value: new Decimal(250) }).toString()).toBe("0.005");
  });

  it("multiplier: times the signal's qty", () => {
    const amount = sizeOrder({
      ...base,
      mode: "multiplier",
      value: new Decimal("0.5"),
      signalQty: new Decimal("0.01"),
    });
    expect(amount.toString()).toBe("0.005");
  });

  it("refuses orders below the market minimums with the reason", () => {
    expect(() => sizeOrder({ ...base, mode: "fixed", value: new Decimal(60) })).toThrowError(
      /below the market's minimum of 100/,
    );
    expect(() => sizeOrder({ ...base, mode: "fixed", value: new Decimal(10) })).toThrowError(/minimum amount/);
  });

  it("explains missing inputs", () => {
    expect(() => sizeOrder({ ...base, mode: "risk" })).toThrowError(/risk_perc/);
    expect(() => sizeOrder({ ...base, mode: "multiplier", value: new Decimal(1) })).toThrowError(/qty/);
  });
});
