import { describe, expect, it } from "vitest";
import { dec } from "../platform/decimal.ts";
import { checkGuardrails } from "./check-guardrails.ts";
import { guardrailChangeSchema, guardrailSchemas } from "./guardrail-settings.ts";
import { nextUtcMidnight, utcDay, utcDayStart } from "./utc-day.ts";

const check = (realised: string, unrealised: string, loss: string | null, profit: string | null, start = "10000") =>
  checkGuardrails({
    startEquity: dec(start),
    realised: dec(realised),
    unrealised: dec(unrealised),
    lossLimitPerc: loss === null ? null : dec(loss),
    profitLockPerc: profit === null ? null : dec(profit),
  });

describe("checkGuardrails: realised since 00:00 UTC plus unrealised now, against the day's starting equity", () => {
  it("trips the loss limit at exactly −X% and not a cent before, counting realised and unrealised together", () => {
    expect(check("-300", "-199.99", "5", null).tripped).toBeNull();
    const at = check("-300", "-200", "5", null);
    expect(at).toMatchObject({ tripped: "daily_loss" });
    expect([at.pnl.toFixed(), at.pnlPerc?.toFixed(), at.equity.toFixed(), at.limitPerc?.toFixed()]).toEqual([
      "-500",
      "-5",
      "9500",
      "5",
    ]);
  });

  it("trips the profit lock at +Y%; an unrealised gain offsets a realised loss", () => {
    expect(check("-100", "1099", null, "10").tripped).toBeNull();
    expect(check("-100", "1100", null, "10")).toMatchObject({ tripped: "daily_profit" });
    expect(check("-100", "1100", "5", null).tripped).toBeNull();
  });

  it("decides nothing without a limit, or without a positive equity to measure against", () => {
    expect(check("-9000", "0", null, null).tripped).toBeNull();
    const empty = check("-10", "0", "5", "5", "0");
    expect([empty.tripped, empty.pnlPerc]).toEqual([null, null]);
  });
});

describe("guardrail settings: one schema for the admin API and both bots", () => {
  it("takes positive percents (the loss limit at most 100), and null or off to clear", () => {
    expect(guardrailSchemas.dailyLossLimitPerc.parse("5")).toBe("5");
    expect(guardrailSchemas.dailyLossLimitPerc.parse(100)).toBe("100");
    expect(guardrailSchemas.dailyProfitLockPerc.parse("250")).toBe("250");
    expect(guardrailSchemas.dailyLossLimitPerc.parse(null)).toBeNull();
    expect(guardrailSchemas.dailyProfitLockPerc.parse(" OFF ")).toBeNull();
    const problem = (field: "dailyLossLimitPerc" | "dailyProfitLockPerc", v: unknown) =>
      guardrailSchemas[field].safeParse(v).error?.issues[0]?.message;
    expect(problem("dailyLossLimitPerc", "101")).toBe("must be above 0 and at most 100");
    expect(problem("dailyLossLimitPerc", "0")).toBe("must be above 0 and at most 100");
    expect(problem("dailyProfitLockPerc", "-3")).toBe("must be a number such as 10");
    expect(problem("dailyProfitLockPerc", "1e3")).toBe("must be written without an exponent, such as 10");
  });

  it("a change names at least one known field", () => {
    expect(guardrailChangeSchema.parse({ dailyLossLimitPerc: 5 })).toEqual({ dailyLossLimitPerc: "5" });
    expect(guardrailChangeSchema.safeParse({}).success).toBe(false);
    expect(guardrailChangeSchema.safeParse({ dailyLoss: 5 }).success).toBe(false);
  });
});

describe("the UTC day", () => {
  it("starts at 00:00 UTC and a halt set in it ends at the next", () => {
    const at = new Date("2026-12-06T23:59:59.999Z");
    expect(utcDay(at)).toBe("2026-12-06");
    expect(utcDayStart(at).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(nextUtcMidnight(at).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(nextUtcMidnight(new Date("2026-12-07T00:00:00.000Z")).toISOString()).toBe("2026-12-08T00:00:00.000Z");
  });
});
