import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { isTighter, stopAfterTargets, tighterOf, trailingStop } from "./stop-rules.ts";

describe("stop rules", () => {
  it("tighter is up for a long and down for a short", () => {
    expect(isTighter("long", dec("101"), dec("100"))).toBe(true);
    expect(isTighter("long", dec("99"), dec("100"))).toBe(false);
    expect(isTighter("short", dec("99"), dec("100"))).toBe(true);
    expect(isTighter("short", dec("100"), dec("100"))).toBe(false);
    expect(tighterOf("long", dec("95"), dec("98"))?.toFixed()).toBe("98");
    expect(tighterOf("short", dec("95"), null)?.toFixed()).toBe("95");
  });

  it("breakeven moves to the entry on the first target and stays; moving_target follows the previous target", () => {
    const entry = dec("100");
    const filled = [dec("101"), dec("102"), dec("103")];
    for (const n of [1, 2, 3]) {
      expect(stopAfterTargets({ mode: "breakeven", entryPrice: entry, filled: filled.slice(0, n) })?.toFixed()).toBe(
        "100",
      );
    }
    const moving = [1, 2, 3].map((n) =>
      stopAfterTargets({ mode: "moving_target", entryPrice: entry, filled: filled.slice(0, n) })?.toFixed(),
    );
    expect(moving).toEqual(["100", "101", "102"]);
    expect(stopAfterTargets({ mode: "percent", entryPrice: entry, filled })).toBeNull();
    expect(stopAfterTargets({ mode: "breakeven", entryPrice: entry, filled: [] })).toBeNull();
  });

  it("a percent stop trails the mark once activated, and only ever tightens", () => {
    const base = {
      side: "long" as const,
      entryPrice: dec("100"),
      distancePerc: dec("1"),
      activationPerc: dec("2"),
      priceStep: dec("0.01"),
    };
    // Not activated below +2%.
    expect(trailingStop({ ...base, mark: dec("101.9"), current: dec("95") })).toBeNull();
    expect(trailingStop({ ...base, mark: dec("102"), current: dec("95") })?.toFixed()).toBe("100.98");
    // A lower mark never loosens it; a higher one by less than a tenth of the distance does not move it.
    expect(trailingStop({ ...base, mark: dec("101"), current: dec("100.98") })).toBeNull();
    expect(trailingStop({ ...base, mark: dec("102.05"), current: dec("100.98") })).toBeNull();
    expect(trailingStop({ ...base, mark: dec("103"), current: dec("100.98") })?.toFixed()).toBe("101.97");
    // A short trails above, rounded away from the mark.
    const short = { ...base, side: "short" as const, activationPerc: null };
    expect(trailingStop({ ...short, mark: dec("99.99"), current: dec("105") })?.toFixed()).toBe("100.99");
    expect(trailingStop({ ...short, mark: dec("101"), current: dec("100.99") })).toBeNull();
  });

  it("never goes looser over any sequence of marks", () => {
    const base = {
      side: "long" as const,
      entryPrice: dec("100"),
      distancePerc: dec("1.5"),
      activationPerc: null,
      priceStep: dec("0.01"),
    };
    let current = dec("97");
    let mark = dec("100");
    for (let i = 0; i < 500; i++) {
      mark = mark.mul(dec(1).add(dec(((i * 7919) % 21) - 10).div(1000)));
      const next = trailingStop({ ...base, mark, current });
      if (next) {
        expect(next.gt(current)).toBe(true);
        current = next;
      }
    }
  });
});
