import { describe, expect, it } from "vitest";
import { isAppError } from "../platform/errors.ts";
import { parseInput } from "../platform/validation.ts";
import { storedDca, storedEntries } from "./entry-plan.ts";
import { parseProviderMessage } from "./provider-message.ts";
import { signalBodySchema } from "./signal-body.ts";

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

describe("entries, entry_expiry_sec and dca in a signal", () => {
  it("the webhook reads a Cornix-style plan: a zone, prices for the stop, its expiry", () => {
    const parsed = parseInput(
      signalBodySchema,
      body({
        entries: [
          { price: 64000, size_perc: 50 },
          { price: "63000", size_perc: 50 },
        ],
        entry_expiry_sec: 600,
        sl_price: 61000,
        take_profits: [{ price: 66000, size_perc: 100 }],
        timestamp: "2026-12-07T00:00:00Z",
      }),
    );
    expect(parsed.entries).toEqual([
      { price: "64000", sizePerc: "50" },
      { price: "63000", sizePerc: "50" },
    ]);
    expect(parsed.entry_expiry_sec).toBe(600);
    expect(parsed.sl_price).toBe("61000");
    expect(parsed.timestamp?.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(storedEntries(JSON.parse(JSON.stringify(parsed.entries)))).toEqual(parsed.entries);
  });

  it("reads DCA with a default volume scale of 1", () => {
    const parsed = parseInput(signalBodySchema, body({ dca: { orders: 3, step_perc: 2 }, sl_perc: 10 }));
    expect(parsed.dca).toEqual({ orders: 3, stepPerc: "2", volumeScale: "1" });
    expect(storedDca(parsed.dca)).toEqual(parsed.dca);
    expect(storedDca({ orders: "3" })).toBeNull();
  });

  it("refuses a zone that is not the whole trade, a stop inside it, both a zone and DCA, and a stray expiry", () => {
    const zone = [
      { price: 64000, size_perc: 50 },
      { price: 63000, size_perc: 40 },
    ];
    expect(refusal(() => parseInput(signalBodySchema, body({ entries: zone })))).toMatch(
      /entries: size_perc must add up to 100 \(they add up to 90\)/,
    );
    const whole = [
      { price: 64000, size_perc: 50 },
      { price: 63000, size_perc: 50 },
    ];
    expect(refusal(() => parseInput(signalBodySchema, body({ entries: whole, sl_price: 63500 })))).toMatch(
      /entries\.1\.price: must be above sl_price on a long/,
    );
    expect(
      refusal(() => parseInput(signalBodySchema, body({ entries: whole, dca: { orders: 2, step_perc: 1 } }))),
    ).toMatch(/dca: give either entries or dca, not both/);
    expect(refusal(() => parseInput(signalBodySchema, body({ entry_expiry_sec: 60 })))).toMatch(
      /entry_expiry_sec: applies only with entries/,
    );
    expect(refusal(() => parseInput(signalBodySchema, body({ entries: whole, entry_expiry_sec: 5 })))).toMatch(
      /entry_expiry_sec: must be a whole number of seconds from 10/,
    );
  });

  it("refuses DCA whose last order would be at zero, and bad numbers, naming the field", () => {
    expect(refusal(() => parseInput(signalBodySchema, body({ dca: { orders: 5, step_perc: 20 } })))).toMatch(
      /dca\.step_perc: times orders must stay below 100/,
    );
    expect(refusal(() => parseInput(signalBodySchema, body({ dca: { orders: 9, step_perc: 1 } })))).toMatch(
      /dca\.orders: must be a whole number from 1 to 5/,
    );
    expect(
      refusal(() => parseInput(signalBodySchema, body({ dca: { orders: 2, step_perc: 1, volume_scale: 0.05 } }))),
    ).toMatch(/dca\.volume_scale: must be at least 0\.1/);
  });

  it("refuses absolute levels on the wrong side of the price, and given twice", () => {
    expect(refusal(() => parseInput(signalBodySchema, body({ price: 60000, sl_price: 61000 })))).toMatch(
      /sl_price: must be below price/,
    );
    expect(refusal(() => parseInput(signalBodySchema, body({ sl_price: 59000, sl_perc: 1 })))).toMatch(
      /sl_price: give either sl_price or sl_perc/,
    );
  });

  it("a provider's channel message carries the same plan", () => {
    const signal = parseProviderMessage(
      JSON.stringify({
        signal_id: "z1",
        action: "OPEN",
        symbol: "BTCUSDT",
        side: "SELL",
        stop_loss: 66000,
        entries: [
          { price: 64000, size_perc: 60 },
          { price: 65000, size_perc: 40 },
        ],
        entry_expiry_sec: 900,
      }),
    );
    expect(signal).toMatchObject({
      action: "short",
      entries: [
        { price: "64000", sizePerc: "60" },
        { price: "65000", sizePerc: "40" },
      ],
      entryExpirySec: 900,
      slPrice: "66000",
    });
    expect(() =>
      parseProviderMessage(
        JSON.stringify({
          signal_id: "z2",
          action: "OPEN",
          symbol: "BTCUSDT",
          side: "SELL",
          stop_loss: 64500,
          entries: [
            { price: 64000, size_perc: 60 },
            { price: 65000, size_perc: 40 },
          ],
        }),
      ),
    ).toThrow(/entries\.1\.price: must be below stop_loss on a short/);
  });
});
