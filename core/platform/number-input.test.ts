import { describe, expect, it } from "vitest";
import { positiveDecimal, wholeNumber } from "./number-input.ts";

const price = positiveDecimal({ example: "64000.5" });
const message =
  (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }) =>
  (value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? undefined : r.error?.issues[0]?.message;
  };

describe("positiveDecimal", () => {
  it("keeps what fits DECIMAL(36,18) as the string written", () => {
    expect(price.parse(50000)).toBe("50000");
    expect(price.parse(" 0.01 ")).toBe("0.01");
    expect(price.parse(`${"9".repeat(18)}.${"9".repeat(18)}`)).toBe(`${"9".repeat(18)}.${"9".repeat(18)}`);
    // Zeros that carry no digit are not counted.
    expect(price.parse(`000${"1".repeat(18)}.5${"0".repeat(20)}`)).toBe(`000${"1".repeat(18)}.5${"0".repeat(20)}`);
  });

  it("refuses exponent notation, whether written or made by JS from a JSON number", () => {
    const say = message(price);
    for (const value of ["1e30", "2E3", 1e21, 1e-7, "1.5e+2"]) {
      expect(say(value)).toBe("must be written without an exponent, such as 64000.5");
    }
  });

  it("refuses more digits than the column holds, non-numbers and zero", () => {
    const say = message(price);
    expect(say("1".repeat(19))).toBe("must have at most 18 digits before the decimal point");
    expect(say(`1.${"0".repeat(18)}1`)).toBe("must have at most 18 digits after the decimal point");
    for (const value of ["abc", "-1", "", "0x10", true, null, "1,5"]) {
      expect(say(value)).toBe("must be a number such as 64000.5");
    }
    expect(say("0.000")).toBe("must be above 0");
  });

  it("applies an upper bound, inclusive or not", () => {
    expect(message(positiveDecimal({ example: "2", max: 100 }))("100.01")).toBe("must be above 0 and at most 100");
    expect(positiveDecimal({ example: "2", max: 100 }).parse("100")).toBe("100");
    expect(message(positiveDecimal({ example: "2", max: 100, below: true }))("100")).toBe(
      "must be above 0 and below 100",
    );
  });
});

describe("wholeNumber", () => {
  it("takes JSON integers and digit strings only", () => {
    const leverage = wholeNumber({ min: 1, max: 125 });
    expect(leverage.parse(10)).toBe(10);
    expect(leverage.parse(" 7 ")).toBe(7);
    const say = message(leverage);
    for (const value of [2.5, "1e1", 1e21, "0x10", true, "-1"]) expect(say(value)).toBe("must be a whole number");
    expect(say(0)).toBe("must be at least 1");
    expect(say("126")).toBe("must be at most 125");
    expect(message(wholeNumber({ min: 1, max: 125, error: "from 1 to 125" }))(500)).toBe("from 1 to 125");
  });
});
