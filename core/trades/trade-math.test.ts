import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { tradeFigures } from "./trade-math.ts";

const fill = (kind: string, amount: string, price: string, fee?: string) => ({
  kind,
  amount: dec(amount),
  price: dec(price),
  fee: fee === undefined ? undefined : dec(fee),
});

describe("tradeFigures", () => {
  it("realises a long's exits against the volume-weighted entry, fees apart", () => {
    const f = tradeFigures("long", [
      fill("entry", "1", "100", "0.05"),
      fill("entry", "1", "110", "0.055"),
      fill("exit", "1.5", "120", "0.09"),
    ]);
    expect(f.entryPrice?.toString()).toBe("105");
    expect(f.exitPrice?.toString()).toBe("120");
    expect(f.openAmount.toString()).toBe("0.5");
    expect(f.realisedPnl.toString()).toBe("22.5");
    expect(f.fees.toString()).toBe("0.195");
  });

  it("a short gains when the exit is below the entry", () => {
    const f = tradeFigures("short", [fill("entry", "2", "100"), fill("exit", "2", "90")]);
    expect(f.realisedPnl.toString()).toBe("20");
    expect(f.openAmount.toString()).toBe("0");
  });

  it("a trade whose entry never filled has no prices and no PnL", () => {
    const f = tradeFigures("long", []);
    expect(f.entryPrice).toBeNull();
    expect(f.realisedPnl.toString()).toBe("0");
  });
});
