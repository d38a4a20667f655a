import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { dcaLegs, planJson, storedPlan, zoneAveragePrice, zoneLegs } from "./entry-legs.ts";

const market = { amountStep: dec("0.001"), priceStep: dec("0.1"), minAmount: dec("0.001") };
const view = (legs: { leg: number; price: { toFixed(): string }; amount: { toFixed(): string } }[]) =>
  legs.map((l) => [l.leg, l.price.toFixed(), l.amount.toFixed()]);

describe("entry legs", () => {
  it("splits a long's zone nearest the market first (its highest price), the last taking the remainder", () => {
    const entries = [
      { price: "63000", sizePerc: "33.3" },
      { price: "64000", sizePerc: "33.3" },
      { price: "62000", sizePerc: "33.4" },
    ];
    expect(view(zoneLegs({ side: "long", amount: dec("0.1"), entries, market }))).toEqual([
      [0, "64000", "0.033"],
      [1, "63000", "0.033"],
      [2, "62000", "0.034"],
    ]);
    // A short's nearest is its lowest.
    expect(view(zoneLegs({ side: "short", amount: dec("0.1"), entries, market })).map((l) => l[1])).toEqual([
      "62000",
      "63000",
      "64000",
    ]);
    expect(zoneAveragePrice(entries).toFixed(2)).toBe("62999.00");
  });

  it("folds a zone entry below the market's minimum into the next one", () => {
    const entries = [
      { price: "64000", sizePerc: "1" },
      { price: "63000", sizePerc: "99" },
    ];
    expect(view(zoneLegs({ side: "long", amount: dec("0.05"), entries, market }))).toEqual([[1, "63000", "0.05"]]);
  });

  it("places DCA orders at k × step against the fill, each volume_scale times the one before", () => {
    const dca = { orders: 3, stepPerc: "2", volumeScale: "1.5" };
    expect(view(dcaLegs({ side: "long", fillPrice: dec("60000"), baseAmount: dec("0.1"), dca, market }))).toEqual([
      [1, "58800", "0.1"],
      [2, "57600", "0.15"],
      [3, "56400", "0.225"],
    ]);
    expect(
      view(dcaLegs({ side: "short", fillPrice: dec("60000"), baseAmount: dec("0.1"), dca, market })).map((l) => l[1]),
    ).toEqual(["61200", "62400", "63600"]);
  });

  it("leaves out DCA orders at or past the stop: they could only fill once the trade is closed", () => {
    const dca = { orders: 3, stepPerc: "2", volumeScale: "1" };
    const legs = dcaLegs({
      side: "long",
      fillPrice: dec("60000"),
      baseAmount: dec("0.1"),
      dca,
      market,
      stop: dec("57600"),
    });
    expect(view(legs)).toEqual([[1, "58800", "0.1"]]);
  });

  it("keeps a trade's plan as JSON and reads it back", () => {
    const plan = {
      targets: [
        { level: { perc: dec("1") }, sizePerc: dec("50") },
        { level: { price: dec("66000") }, sizePerc: dec("50") },
      ],
      stopLoss: { price: dec("61000") },
      trailing: { mode: "breakeven" as const },
    };
    const back = storedPlan(JSON.parse(JSON.stringify(planJson(plan))));
    expect(back?.targets.map((t) => ["perc" in t.level ? "perc" : "price", t.sizePerc.toFixed()])).toEqual([
      ["perc", "50"],
      ["price", "50"],
    ]);
    expect(back?.stopLoss && "price" in back.stopLoss && back.stopLoss.price.toFixed()).toBe("61000");
    expect(back?.trailing).toEqual({ mode: "breakeven" });
    expect(storedPlan(null)).toBeNull();
  });
});
