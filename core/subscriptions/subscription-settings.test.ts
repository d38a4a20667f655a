import { describe, expect, it } from "vitest";
import { settingSchemas } from "./subscription-settings.ts";

// The chat parses what a follower types with these schemas; the admin API reuses them (api/routes/admin.test.ts
// checks that it answers with the same words).
const refusal = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

describe("subscription settings as the chat reads them", () => {
  it("refuses a take-profit or stop-loss of 100% or more, which would trigger at zero on one side", () => {
    expect(refusal(settingSchemas.tpPerc.safeParse("150"))).toBe("must be above 0 and below 100");
    expect(refusal(settingSchemas.tpPerc.safeParse("100"))).toBe("must be above 0 and below 100");
    expect(refusal(settingSchemas.slPerc.safeParse("100"))).toBe("must be above 0 and below 100");
    expect(settingSchemas.tpPerc.parse("99.5")).toBe("99.5");
  });

  it("bounds the slippage cap: above 0 and at most 5%, where Binance's price band would refuse the limit", () => {
    expect(settingSchemas.maxSlippagePerc.parse(" 0.8 ")).toBe("0.8");
    expect(settingSchemas.maxSlippagePerc.parse(5)).toBe("5");
    expect(refusal(settingSchemas.maxSlippagePerc.safeParse("5.01"))).toBe("must be above 0 and at most 5");
    expect(refusal(settingSchemas.maxSlippagePerc.safeParse("0"))).toBe("must be above 0 and at most 5");
    expect(refusal(settingSchemas.maxSlippagePerc.safeParse("half"))).toBe("must be a number such as 0.5");
  });

  it("bounds each sizing mode", () => {
    const sizing = (mode: string, value: string) => settingSchemas.sizing.safeParse({ mode, value });
    expect(refusal(sizing("risk", "101"))).toBe("must be above 0 and at most 100");
    expect(refusal(sizing("multiplier", "100.5"))).toBe("must be above 0 and at most 100");
    expect(refusal(sizing("fixed", "0"))).toBe("must be above 0");
    expect(settingSchemas.sizing.parse({ mode: "fixed", value: " 250 " })).toEqual({ mode: "fixed", value: "250" });
  });

  it("refuses exponents, words and numbers the database column cannot hold", () => {
    expect(refusal(settingSchemas.sizing.safeParse({ mode: "fixed", value: "1e30" }))).toBe(
      "must be written without an exponent, such as 250",
    );
    expect(refusal(settingSchemas.sizing.safeParse({ mode: "fixed", value: "lots" }))).toBe(
      "must be a number such as 250",
    );
    expect(refusal(settingSchemas.sizing.safeParse({ mode: "fixed", value: "1".repeat(19) }))).toBe(
      "must have at most 18 digits before the decimal point",
    );
    expect(refusal(settingSchemas.tpPerc.safeParse(`0.${"0".repeat(18)}1`))).toBe(
      "must have at most 18 digits after the decimal point",
    );
  });

  it("reads whole numbers from digits only", () => {
    expect(settingSchemas.maxLeverage.parse("20")).toBe(20);
    expect(refusal(settingSchemas.maxLeverage.safeParse("126"))).toBe("must be at most 125");
    for (const text of ["1e1", "0x10", "2.5", "-3", ""]) {
      expect(refusal(settingSchemas.maxLeverage.safeParse(text))).toBe("must be a whole number");
    }
    expect(refusal(settingSchemas.maxOpenPositions.safeParse("101"))).toBe("must be at most 100");
    expect(refusal(settingSchemas.maxOpenPositions.safeParse("0"))).toBe("must be at least 1");
  });
});
