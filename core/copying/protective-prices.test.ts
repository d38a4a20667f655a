import { describe, expect, it } from "vitest";
import { Decimal } from "../platform/decimal.ts";
import { crossedLevel, protectiveLevels, protectivePrices } from "./protective-prices.ts";

const step = new Decimal("0.1");
const perc = (v: string | number) => ({ perc: new Decimal(v) });
const price = (v: string | number) => ({ price: new Decimal(v) });

describe("protectivePrices", () => {
  it("puts a long's TP above and SL below the fill", () => {
    const p = protectivePrices({
      side: "long",
      fillPrice: new Decimal(50000),
      takeProfit: perc(2),
      stopLoss: perc(1),
      priceStep: step,
    });
    expect(p.takeProfit?.toString()).toBe("51000");
    expect(p.stopLoss?.toString()).toBe("49500");
  });

  it("mirrors for a short and rounds to the tick", () => {
    const p = protectivePrices({
      side: "short",
      fillPrice: new Decimal("3000.33"),
      takeProfit: perc(3),
      stopLoss: null,
      priceStep: step,
    });
    expect(p.takeProfit?.toString()).toBe("2910.3");
    expect(p.stopLoss).toBeNull();
  });

  it("takes absolute levels as they are, rounded to the tick, whatever the fill", () => {
    const p = protectivePrices({
      side: "long",
      fillPrice: new Decimal(50000),
      takeProfit: price("52000.06"),
      stopLoss: price("49000.04"),
      priceStep: step,
    });
    expect([p.takeProfit?.toString(), p.stopLoss?.toString()]).toEqual(["52000.1", "49000"]);
  });
});

describe("protectiveLevels", () => {
  const none = { tpPerc: null, slPerc: null, tpPrice: null, slPrice: null };
  const noOverride = { tpPercOverride: null, slPercOverride: null };

  it("prefers the signal's absolute level to its percent", () => {
    const l = protectiveLevels({ ...none, tpPerc: "2", tpPrice: "64000", slPerc: "1" }, noOverride);
    expect(l).toEqual({ takeProfit: price("64000"), stopLoss: perc("1") });
  });

  it("lets the follower's own percent win over both, leg by leg", () => {
    const l = protectiveLevels(
      { ...none, tpPrice: "64000", slPrice: "61000", slPerc: "1" },
      { tpPercOverride: null, slPercOverride: "3" },
    );
    expect(l).toEqual({ takeProfit: price("64000"), stopLoss: perc("3") });
  });

  it("gives no leg when nothing sets it", () => {
    expect(protectiveLevels(none, noOverride)).toEqual({ takeProfit: null, stopLoss: null });
  });
});

describe("crossedLevel", () => {
  const at = (side: "long" | "short", p: number, tp: number | null, sl: number | null) => {
    const levels = { takeProfit: tp === null ? null : price(tp), stopLoss: sl === null ? null : price(sl) };
    const prices = { takeProfit: levels.takeProfit?.price ?? null, stopLoss: levels.stopLoss?.price ?? null };
    return crossedLevel({ side, price: new Decimal(p), levels, prices })?.kind ?? null;
  };

  it("sees a long's SL at or above the price and its TP at or below it", () => {
    expect(at("long", 100, 110, 95)).toBeNull();
    expect(at("long", 100, 110, 100)).toBe("stop_loss");
    expect(at("long", 100, 99, 95)).toBe("take_profit");
  });

  it("mirrors for a short", () => {
    expect(at("short", 100, 90, 105)).toBeNull();
    expect(at("short", 100, 90, 99)).toBe("stop_loss");
    expect(at("short", 100, 101, null)).toBe("take_profit");
  });

  it("leaves percents to the exchange, even where rounding put them on the price", () => {
    const levels = { takeProfit: perc("0.001"), stopLoss: null };
    const prices = { takeProfit: new Decimal(100), stopLoss: null };
    expect(crossedLevel({ side: "long", price: new Decimal(100), levels, prices })).toBeNull();
  });
});
