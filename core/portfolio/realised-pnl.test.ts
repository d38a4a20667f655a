import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { fillPnl } from "./realised-pnl.ts";

describe("fillPnl", () => {
  it("an exit realises against the trade's entry in its direction, net of its fee", () => {
    expect(fillPnl("exit", "long", dec("2"), dec("110"), dec("100"), dec("0.11")).toString()).toBe("19.89");
    expect(fillPnl("exit", "short", dec("2"), dec("110"), dec("100"), null).toString()).toBe("-20");
  });

  it("an entry costs its fee only", () => {
    expect(fillPnl("entry", "long", dec("2"), dec("100"), dec("100"), dec("0.1")).toString()).toBe("-0.1");
  });
});
