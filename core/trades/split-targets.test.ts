import { describe, expect, it } from "vitest";
import type { TargetLevel } from "../copying/trade-targets.ts";
import { dec } from "../platform/decimal.ts";
import { splitTargets } from "./split-targets.ts";

const market = { amountStep: dec("0.001"), priceStep: dec("0.1"), minAmount: dec("0.001") };
const perc = (p: string, size: string): TargetLevel => ({ level: { perc: dec(p) }, sizePerc: dec(size) });
const price = (p: string, size: string): TargetLevel => ({ level: { price: dec(p) }, sizePerc: dec(size) });
const view = (legs: ReturnType<typeof splitTargets>) =>
  legs.map((l) => [l.leg, l.trigger.toFixed(), l.amount.toFixed()]);

describe("splitTargets", () => {
  it("splits by size_perc, rounded down to the step, the last taking the remainder of the targets' share", () => {
    const legs = splitTargets({
      side: "long",
      fillPrice: dec("60000"),
      amount: dec("0.1"),
      targets: [perc("1", "33.3"), perc("2", "33.3"), perc("3", "33.4")],
      market,
    });
    expect(view(legs)).toEqual([
      [0, "60600", "0.033"],
      [1, "61200", "0.033"],
      [2, "61800", "0.034"],
    ]);
  });

  it("leaves what the shares do not cover to ride, and orders targets nearest first whatever the signal's order", () => {
    const legs = splitTargets({
      side: "short",
      fillPrice: dec("60000"),
      amount: dec("0.1"),
      targets: [price("57000", "30"), perc("2", "50")],
      market,
    });
    // A short's nearest target is its highest: 58800 (2%) before 57000.
    expect(view(legs)).toEqual([
      [0, "58800", "0.05"],
      [1, "57000", "0.03"],
    ]);
    expect(legs.map((l) => l.absolute)).toEqual([false, true]);
  });

  it("folds a target below the market's minimum into the next one, and the last into the one before", () => {
    const tiny = { ...market, minAmount: dec("0.005") };
    const first = splitTargets({
      side: "long",
      fillPrice: dec("100"),
      amount: dec("0.01"),
      targets: [perc("1", "30"), perc("2", "70")],
      market: tiny,
    });
    // 0.003 is below 0.005: target 1 rides with target 2.
    expect(view(first)).toEqual([[1, "102", "0.01"]]);
    const last = splitTargets({
      side: "long",
      fillPrice: dec("100"),
      amount: dec("0.01"),
      targets: [perc("1", "70"), perc("2", "30")],
      market: tiny,
    });
    expect(view(last)).toEqual([[0, "101", "0.01"]]);
    const alone = splitTargets({
      side: "long",
      fillPrice: dec("100"),
      amount: dec("0.01"),
      targets: [perc("1", "20")],
      market: tiny,
    });
    expect(alone).toEqual([]);
  });

  it("a single target of 100% is the whole amount, exactly", () => {
    const legs = splitTargets({
      side: "long",
      fillPrice: dec("100"),
      amount: dec("0.123"),
      targets: [perc("2", "100")],
      market,
    });
    expect(view(legs)).toEqual([[0, "102", "0.123"]]);
  });
});
