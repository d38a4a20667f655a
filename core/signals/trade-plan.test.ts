import { describe, expect, it } from "vitest";
import { isAppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import { parseProviderMessage } from "./provider-message.ts";
import { signalBodySchema } from "./signal-body.ts";
import { storedTakeProfits, storedTrailing } from "./trade-plan.ts";

const body = (extra: object) => ({ passphrase: "p", symbol: "BTCUSDT", action: "long", ...extra });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (isAppError(err, "BAD_REQUEST")) return err.message;
    throw err;
  }
  throw new Error("accepted");
};

describe("take_profits and trailing in a signal", () => {
  it("the webhook reads targets by percent or price, and the trailing modes", () => {
    const parsed = parseInput(
      signalBodySchema,
      body({
        take_profits: [
          { perc: 1.5, size_perc: 50 },
          { price: "68000", size_perc: 30 },
        ],
        trailing: { mode: "Percent", distance_perc: 1, activation_perc: "2" },
      }),
    );
    expect(parsed.take_profits).toEqual([
      { perc: "1.5", sizePerc: "50" },
      { price: "68000", sizePerc: "30" },
    ]);
    expect(parsed.trailing).toEqual({ mode: "percent", distancePerc: "1", activationPerc: "2" });
    expect(parseInput(signalBodySchema, body({ trailing: { mode: "breakeven", distance_perc: 1 } })).trailing).toEqual({
      mode: "breakeven",
    });
    // Old bodies keep working: neither field is needed.
    expect(parseInput(signalBodySchema, body({ tp_perc: 2 })).take_profits).toBeUndefined();
  });

  it("refuses what cannot be placed, naming the field", () => {
    const refuse = (extra: object) => refusal(() => parseInput(signalBodySchema, body(extra)));
    expect(
      refuse({
        take_profits: [
          { perc: 1, size_perc: 60 },
          { perc: 2, size_perc: 50 },
        ],
      }),
    ).toBe("take_profits: size_perc must add up to at most 100 (they add up to 110)");
    expect(refuse({ take_profits: [{ perc: 1, price: 2, size_perc: 60 }] })).toBe(
      "take_profits.0: needs either perc or price (one of them)",
    );
    expect(refuse({ take_profits: [{ perc: 1 }] })).toBe("take_profits.0.size_perc: must be a number such as 50");
    expect(refuse({ take_profits: [] })).toBe("take_profits: must hold at least one target");
    expect(refuse({ take_profits: Array.from({ length: 9 }, () => ({ perc: 1, size_perc: 10 })) })).toBe(
      "take_profits: must hold at most 8 targets",
    );
    expect(refuse({ tp_perc: 2, take_profits: [{ perc: 1, size_perc: 50 }] })).toBe(
      "take_profits: give either take_profits or tp_perc, not both",
    );
    expect(refuse({ action: "short", take_profits: [{ perc: 100, size_perc: 50 }] })).toBe(
      "take_profits.0.perc: must be below 100 on a short: its target would be at a price of zero or less",
    );
    expect(refuse({ price: 60000, take_profits: [{ price: 59000, size_perc: 50 }] })).toBe(
      "take_profits.0.price: must be above price on a long",
    );
    expect(refuse({ trailing: { mode: "percent" } })).toBe("trailing.distance_perc: is required for the percent mode");
    expect(refuse({ trailing: { mode: "sideways" } })).toBe(
      'trailing.mode: must be "breakeven", "moving_target" or "percent"',
    );
  });

  it("a provider's message reads the same fields, for an OPEN only", () => {
    const open = {
      signal_id: "t-1",
      action: "OPEN",
      symbol: "BTCUSDT",
      side: "SELL",
      entry_price: 62000,
      take_profits: [
        { price: 61000, size_perc: 50 },
        { perc: "3", size_perc: "50" },
      ],
      trailing: { mode: "moving_target" },
    };
    expect(parseProviderMessage(JSON.stringify(open))).toMatchObject({
      action: "short",
      takeProfits: [
        { price: "61000", sizePerc: "50" },
        { perc: "3", sizePerc: "50" },
      ],
      trailing: { mode: "moving_target" },
    });
    const wrongSide = { ...open, take_profits: [{ price: 63000, size_perc: 50 }] };
    expect(refusal(() => parseProviderMessage(JSON.stringify(wrongSide)))).toBe(
      "take_profits.0.price: must be below entry_price on a short",
    );
    const both = { ...open, take_profit: 61000 };
    expect(refusal(() => parseProviderMessage(JSON.stringify(both)))).toBe(
      "take_profits: give either take_profits or take_profit, not both",
    );
    const close = { signal_id: "t-2", action: "CLOSE", symbol: "BTCUSDT", trailing: { mode: "breakeven" } };
    expect(parseProviderMessage(JSON.stringify(close)).trailing).toBeUndefined();
  });

  it("reads the stored shapes back, and anything else as none", () => {
    expect(storedTakeProfits([{ perc: "1", sizePerc: "50" }])).toEqual([{ perc: "1", sizePerc: "50" }]);
    expect(storedTakeProfits(null)).toBeNull();
    expect(storedTakeProfits([])).toBeNull();
    expect(storedTrailing({ mode: "percent", distancePerc: "1" })).toEqual({ mode: "percent", distancePerc: "1" });
    expect(storedTrailing({ mode: "nope" })).toBeNull();
  });
});
