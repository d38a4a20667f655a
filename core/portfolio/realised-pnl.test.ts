import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { type Fill, realisedPnl, sumPnl } from "./realised-pnl.ts";

const fill = (minute: number, side: "buy" | "sell", amount: string, price: string, strategyId = "s1"): Fill => ({
  at: new Date(minute * 60_000),
  accountId: "a",
  symbol: "BTC/USDT:USDT",
  side,
  amount: dec(amount),
  price: dec(price),
  strategyId,
});

describe("realisedPnl", () => {
  it("realises at average cost and attributes to the reducing fill's strategy", () => {
    const events = realisedPnl([
      fill(1, "buy", "1", "100"),
      fill(2, "buy", "1", "200"),
      fill(3, "sell", "1", "250", "s2"),
      fill(4, "sell", "1", "100"),
    ]);
    expect(events.map((e) => [e.strategyId, e.pnl.toString()])).toEqual([
      ["s2", "100"],
      ["s1", "-50"],
    ]);
    expect(sumPnl(events).toString()).toBe("50");
  });

  it("handles shorts and flips", () => {
    const events = realisedPnl([fill(1, "sell", "2", "100"), fill(2, "buy", "3", "90"), fill(3, "sell", "1", "95")]);
    expect(events.map((e) => e.pnl.toString())).toEqual(["20", "5"]);
  });
});
