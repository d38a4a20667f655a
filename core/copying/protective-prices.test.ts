import { describe, expect, it } from "vitest";
import { Decimal } from "../platform/decimal.ts";
import { protectivePrices } from "./protective-prices.ts";

const step = new Decimal("0.1");

describe("protectivePrices", () => {
  it("puts a long's TP above and SL below the fill", () => {
    const p = protectivePrices({
      side: "long",
      fillPrice: new Decimal(50000),
      tpPerc: new Decimal(2),
      slPerc: new Decimal(1),
      priceStep: step,
    });
    expect(p.takeProfit?.toString()).toBe("51000");
    expect(p.stopLoss?.toString()).toBe("49500");
  });

  it("mirrors for a short and rounds to the tick", () => {
    const p = protectivePrices({
      side: "short",
      fillPrice: new Decimal("3000.33"),
      tpPerc: new Decimal(3),
      slPerc: null,
      priceStep: step,
    });
    expect(p.takeProfit?.toString()).toBe("2910.3");
    expect(p.stopLoss).toBeNull();
  });
});
