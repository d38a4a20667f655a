import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../../../core/notifications/notification-message.ts";
import { notificationText } from "./notification-text.ts";
import { wording } from "./translator.ts";

const englishText = (m: NotificationMessage) => notificationText(m, wording().forLocale("en"));

const closed = {
  side: "long",
  amount: "0.05",
  entryPrice: "60000",
  exitPrice: "61200",
  pnl: "59.40",
  fees: "0.60",
  quote: "USDT",
};
const execution = (m: Partial<Extract<NotificationMessage, { kind: "execution" }>>): NotificationMessage => ({
  kind: "execution",
  status: "filled",
  strategy: "BTC momentum",
  account: "binanceusdm",
  symbol: "BTC/USDT:USDT",
  action: "long",
  side: "buy",
  amount: "0.05",
  price: "60000",
  errorCode: null,
  reason: null,
  closedTrade: null,
  unprotected: false,
  ...m,
});

describe("notificationText", () => {
  it("says plainly when a position is open without its protection, and what to do", () => {
    const text = englishText(
      execution({ unprotected: true, reason: "stop-loss not placed: Reach max stop order limit." }),
    );
    expect(text).toMatch(/^Filled: long BTC\/USDT:USDT, 0\.05 @ 60000/);
    expect(text).toMatch(/WITHOUT its protection: stop-loss not placed: Reach max stop order limit\./);
    expect(text).toMatch(/Set the stop-loss \/ take-profit on the exchange yourself now, or close the position there/);
  });

  it("reports each way a trade ends, with its PnL after fees", () => {
    const trade = (reason: "take_profit" | "stop_loss" | "liquidation" | "manual") =>
      englishText({
        kind: "trade",
        reason,
        strategy: "BTC momentum",
        account: "binanceusdm",
        symbol: "BTC/USDT:USDT",
        ...closed,
      });
    expect(trade("take_profit")).toBe(
      "Take-profit hit: BTC/USDT:USDT long 0.05 closed @ 61200 (entry 60000): PnL +59.40 USDT after 0.60 fees (BTC momentum on binanceusdm). The other protective order was cancelled.",
    );
    expect(trade("stop_loss")).toMatch(/^Stop-loss hit: /);
    expect(trade("liquidation")).toMatch(/^Liquidated: .*closed it for lack of margin/);
    expect(trade("manual")).toMatch(/^Closed on the exchange: .*Mimic stopped tracking it/);
    expect(englishText(execution({ action: "close", closedTrade: closed }))).toMatch(
      /^Closed by signal: BTC\/USDT:USDT long 0\.05 closed @ 61200 .*PnL \+59\.40 USDT/,
    );
    expect(englishText(execution({ action: "short", closedTrade: closed }))).toMatch(
      /^Reversed: BTC\/USDT:USDT long 0\.05 closed @ 61200 .*then opened short\.\nFilled: short/,
    );
  });

  it("an entry that expired unfilled says nothing is open", () => {
    const text = englishText(
      execution({
        status: "failed",
        errorCode: "ORDER_EXPIRED",
        reason: "the exchange ended the entry without filling it (order canceled)",
      }),
    );
    expect(text).toMatch(/^Failed: long BTC\/USDT:USDT/);
    expect(text).toMatch(/nothing is open/);
  });

  it("an entry the slippage cap refused says so: the price moved past the cap, nothing is open, not chased", () => {
    const capped = execution({
      status: "failed",
      errorCode: "ORDER_EXPIRED",
      reason: "not filled within the 0.3% slippage cap: the price moved past 65195; nothing was opened",
      cappedEntry: true,
    });
    expect(englishText(capped)).toBe(
      "Failed: long BTC/USDT:USDT (BTC momentum on binanceusdm).\n" +
        "Reason: not filled within the 0.3% slippage cap: the price moved past 65195; nothing was opened\n" +
        "The price moved past the slippage cap before the entry could fill, so nothing is open, and the signal is not chased. If this happens often, allow more slippage in /settings.",
    );
    expect(notificationText(capped, wording().forLocale("es"))).toMatch(/tope de deslizamiento/);
  });

  it("words a skipped signal, a signal alert and the daily summary", () => {
    expect(englishText(execution({ status: "skipped", reason: "the subscription is paused" }))).toBe(
      "Skipped: long BTC/USDT:USDT (BTC momentum on binanceusdm). the subscription is paused",
    );
    expect(englishText(execution({ status: "skipped", action: "close" }))).toBe(
      "Skipped: close BTC/USDT:USDT (BTC momentum on binanceusdm).",
    );
    expect(
      englishText({
        kind: "signal",
        strategy: "BTC momentum",
        symbol: "BTC/USDT:USDT",
        action: "short",
        price: "61000",
      }),
    ).toBe("Signal: BTC momentum says short BTC/USDT:USDT at 61000.");
    expect(englishText({ kind: "daily", date: "2024-05-01", filled: 1200, failed: 1, skipped: 0 })).toBe(
      "Daily summary 2024-05-01: 1,200 filled, 1 failed, 0 skipped in the last 24 h. /pnl for the card.",
    );
    expect(englishText(execution({ status: "failed", errorCode: "SOMETHING_NEW", reason: null }))).toBe(
      "Failed: long BTC/USDT:USDT (BTC momentum on binanceusdm).\nReason: SOMETHING_NEW\nCheck /positions and the account on the exchange.",
    );
  });

  it("speaks the recipient's language, numbers and prices untouched", () => {
    const es = wording().forLocale("es-ES");
    expect(
      notificationText(
        {
          kind: "trade",
          reason: "stop_loss",
          strategy: "BTC momentum",
          account: "paper",
          symbol: "BTC/USDT:USDT",
          ...closed,
        },
        es,
      ),
    ).toBe(
      "Stop loss alcanzado: BTC/USDT:USDT long 0.05 cerrada @ 61200 (entrada 60000): PnL +59.40 USDT tras 0.60 de comisiones (BTC momentum en paper). La otra orden de protección se ha cancelado.",
    );
    expect(notificationText(execution({ amount: "12000.5", price: "60000" }), es)).toBe(
      "Ejecutada: long BTC/USDT:USDT, 12000.5 @ 60000 (BTC momentum en binanceusdm).",
    );
    expect(
      notificationText(execution({ status: "failed", errorCode: "INSUFFICIENT_MARGIN", reason: "no margin" }), es),
    ).toMatch(/^Falló: long BTC\/USDT:USDT .*\nMotivo: no margin\nNo hay suficiente margen libre/);
    // No bidi isolation marks around the arguments, in any language.
    expect(notificationText(execution({}), es)).not.toMatch(/[\u2066-\u2069]/);
  });
});
