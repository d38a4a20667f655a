import { describe, expect, it } from "vitest";
import { isAppError } from "../platform/errors.ts";
import { parseProviderMessage } from "./provider-message.ts";
import { readProviderTime } from "./provider-time.ts";

const open = {
  signal_id: "abc-1",
  timestamp: "2026-12-06T21:52:51Z",
  action: "OPEN",
  symbol: "BTCUSDT",
  side: "BUY",
  quantity: 0.01,
  entry_price: 62000,
  stop_loss: 61000,
  take_profit: "64000.5",
};
const text = (extra: object = {}) => JSON.stringify({ ...open, ...extra });

/** The words of the refusal, for the ❌ reply. */
function refusal(content: string): string {
  try {
    parseProviderMessage(content);
  } catch (err) {
    if (isAppError(err, "BAD_REQUEST")) return err.message;
    throw err;
  }
  throw new Error("accepted");
}

describe("parseProviderMessage", () => {
  it("reads an OPEN BUY as a long with absolute levels, its quantity and its time", () => {
    expect(parseProviderMessage(text())).toEqual({
      id: "abc-1",
      action: "long",
      rawSymbol: "BTCUSDT",
      price: "62000",
      qty: "0.01",
      tpPrice: "64000.5",
      slPrice: "61000",
      sentAt: new Date("2026-12-06T21:52:51Z"),
    });
  });

  it("reads OPEN SELL as a short and CLOSE as a close, words in any case, without a side on a close", () => {
    const short = text({ side: "sell", action: "open", stop_loss: 63000, take_profit: 60000 });
    expect(parseProviderMessage(short)).toMatchObject({ action: "short", slPrice: "63000", tpPrice: "60000" });
    const close = JSON.stringify({ signal_id: 9, action: "CLOSE", symbol: "ETHUSDT" });
    expect(parseProviderMessage(close)).toEqual({ id: "9", action: "close", rawSymbol: "ETHUSDT" });
  });

  it("reads the entry's slippage cap, and refuses one that is not a percent above 0 and at most 5", () => {
    expect(parseProviderMessage(text({ max_slippage_perc: "0.8" }))).toMatchObject({ maxSlippagePerc: "0.8" });
    expect(parseProviderMessage(text({ max_slippage_perc: null }))).toMatchObject({ maxSlippagePerc: undefined });
    const close = JSON.stringify({ signal_id: 9, action: "CLOSE", symbol: "ETHUSDT", max_slippage_perc: 1 });
    // A close is never capped.
    expect(parseProviderMessage(close).maxSlippagePerc).toBeUndefined();
    expect(refusal(text({ max_slippage_perc: 12 }))).toBe("max_slippage_perc: must be above 0 and at most 5");
    expect(refusal(text({ max_slippage_perc: 0 }))).toBe("max_slippage_perc: must be above 0 and at most 5");
    expect(refusal(text({ max_slippage_perc: "lots" }))).toBe(
      "max_slippage_perc: must be a positive number such as 0.5",
    );
  });

  it("accepts a ```json code fence, numeric strings, nulls for what is not given", () => {
    const fenced = `\`\`\`json\n${text({ quantity: "0.5", stop_loss: null, take_profit: null })}\n\`\`\``;
    expect(parseProviderMessage(fenced)).toMatchObject({ qty: "0.5", slPrice: undefined, tpPrice: undefined });
  });

  it("says what is wrong, field by field", () => {
    expect(refusal("hello there")).toMatch(/^not JSON: /);
    expect(refusal("[1,2]")).toMatch(/^not a signal: must be a JSON object/);
    expect(refusal(text({ action: "BUY" }))).toBe("action: must be OPEN or CLOSE");
    expect(refusal(text({ stop_loss: "-5" }))).toBe("stop_loss: must be a positive number such as 61000");
    expect(refusal(text({ stop_loss: 0 }))).toBe("stop_loss: must be a positive number such as 61000");
    expect(refusal(text({ stop_loss: "abc" }))).toBe("stop_loss: must be a positive number such as 61000");
    expect(refusal(text({ quantity: true }))).toBe("quantity: must be a positive number such as 0.01");
    expect(refusal(text({ side: "LONG" }))).toBe("side: must be BUY or SELL");
    expect(refusal(text({ side: undefined }))).toBe("side: is required for OPEN: BUY or SELL");
    expect(refusal(text({ signal_id: undefined }))).toBe("signal_id: is required");
    expect(refusal(text({ symbol: "BTC-PERP!" }))).toBe(
      'symbol: cannot read "BTC-PERP!" as a futures pair such as BTCUSDT',
    );
    expect(refusal(text({ timestamp: "yesterday" }))).toMatch(/^timestamp: must be an ISO time/);
  });

  it("refuses levels on the wrong side of the entry, or of each other", () => {
    expect(refusal(text({ stop_loss: 62500 }))).toBe("stop_loss: must be below entry_price on a BUY");
    expect(refusal(text({ take_profit: 61500 }))).toBe("take_profit: must be above entry_price on a BUY");
    expect(refusal(text({ side: "SELL", stop_loss: 61000, take_profit: 60000 }))).toBe(
      "stop_loss: must be above entry_price on a SELL",
    );
    const noEntry = { entry_price: undefined, stop_loss: 64000, take_profit: 63000 };
    expect(refusal(text(noEntry))).toBe("stop_loss: must be below take_profit on a BUY");
  });
});

describe("readProviderTime", () => {
  const iso = (raw: string | number) => readProviderTime(raw)?.toISOString();

  it("reads ISO times (no zone is UTC) and epoch seconds or milliseconds, as numbers or strings", () => {
    expect(iso("2026-12-06T21:52:51Z")).toBe("2026-12-06T21:52:51.000Z");
    expect(iso("2026-12-06 21:52:51")).toBe("2026-12-06T21:52:51.000Z");
    expect(iso("2026-12-06T23:52:51+02:00")).toBe("2026-12-06T21:52:51.000Z");
    expect(iso(1796593971)).toBe("2026-12-06T21:52:51.000Z");
    expect(iso("1796593971123")).toBe("2026-12-06T21:52:51.123Z");
    expect(iso(1796593971.5)).toBe("2026-12-06T21:52:51.500Z");
  });

  it("refuses what is not a time, or not a plausible one", () => {
    for (const raw of ["yesterday", "", "12/06/2026", "-5", 5, "2026-13-45T00:00:00Z"]) {
      expect(readProviderTime(raw)).toBeNull();
    }
  });
});
