import { describe, expect, it } from "vitest";
import { takeProfitTargets } from "../copying/trade-targets.ts";
import { describeTakeProfitSplit, parseTakeProfitSplit, storedTakeProfitSplit } from "./take-profit-split.ts";

describe("a follower's own take-profit split", () => {
  it("reads what a follower types, and 'signal' as the signal's targets", () => {
    expect(parseTakeProfitSplit("1.5:50 3%:30%, 5:20")).toEqual({
      split: [
        { perc: "1.5", sizePerc: "50" },
        { perc: "3", sizePerc: "30" },
        { perc: "5", sizePerc: "20" },
      ],
    });
    expect(parseTakeProfitSplit(" Signal ")).toEqual({ split: null });
    expect(describeTakeProfitSplit([{ perc: "1.5", sizePerc: "50" }])).toBe("1.5% (50%)");
  });

  it("says what is wrong in words", () => {
    expect(parseTakeProfitSplit("1.5-50")).toEqual({ problem: '"1.5-50" is not distance:share, such as 1.5:50' });
    expect(parseTakeProfitSplit("1:60 2:60")).toEqual({
      problem: "shares must add up to at most 100 (they add up to 120)",
    });
    expect(parseTakeProfitSplit("150:50")).toEqual({ problem: "target 1: must be above 0 and below 100" });
  });

  it("replaces the signal's ladder and single take-profit, and the percent override, on the follower's trades", () => {
    const signal = {
      takeProfits: [{ price: "68000", sizePerc: "100" }],
      tpPerc: null,
      tpPrice: null,
      slPerc: "2",
      slPrice: null,
    };
    const own = [
      { perc: "1", sizePerc: "60" },
      { perc: "2", sizePerc: "40" },
    ];
    const targets = takeProfitTargets(signal, { tpPercOverride: "3", slPercOverride: null, takeProfitSplit: own });
    expect(targets.map((t) => ["perc" in t.level ? t.level.perc.toFixed() : "?", t.sizePerc.toFixed()])).toEqual([
      ["1", "60"],
      ["2", "40"],
    ]);
    const theirs = takeProfitTargets(signal, { tpPercOverride: null, slPercOverride: null, takeProfitSplit: null });
    expect(theirs.map((t) => ("price" in t.level ? t.level.price.toFixed() : "?"))).toEqual(["68000"]);
    expect(storedTakeProfitSplit({ perc: 1 })).toBeNull();
  });
});
