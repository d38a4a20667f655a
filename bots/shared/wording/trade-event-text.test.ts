import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../../../core/notifications/notification-message.ts";
import { notificationText } from "./notification-text.ts";
import { wording } from "./translator.ts";

const view = { strategy: "BTC momentum", account: "binanceusdm", symbol: "BTC/USDT:USDT", side: "long", quote: "USDT" };
const target: NotificationMessage = {
  kind: "target",
  ...view,
  target: 1,
  targets: 3,
  amount: "0.05",
  price: "60700",
  pnl: "35.00",
};

describe("trade events in words", () => {
  it("tells a target hit with its PnL, and a stop moved or set", () => {
    const en = wording().forLocale("en");
    expect(notificationText(target, en)).toBe(
      "Target 1/3 hit: BTC/USDT:USDT long 0.05 @ 60700, PnL +35.00 USDT before fees (BTC momentum on binanceusdm). The rest stays open.",
    );
    expect(notificationText({ kind: "stop_moved", ...view, price: "60000", from: "58800" }, en)).toBe(
      "Stop-loss moved: BTC/USDT:USDT long now stops at 60000 (was 58800) (BTC momentum on binanceusdm).",
    );
    expect(notificationText({ kind: "stop_moved", ...view, price: "60000", from: null }, en)).toMatch(
      /^Stop-loss set: BTC\/USDT:USDT long now stops at 60000/,
    );
  });

  it("tells a zone entry or a DCA order filled, whole or in part, with the trade's new total and average", () => {
    const en = wording().forLocale("en");
    const fill = { ...view, order: 1, orders: 2, amount: "0.1", price: "58800", total: "0.2", average: "59400" };
    expect(notificationText({ kind: "entry_filled", dca: true, final: true, ...fill }, en)).toBe(
      "DCA order 1/2 filled: BTC/USDT:USDT long 0.1 @ 58800. The trade now holds 0.2 at an average of 59400; its TP/SL are recomputed from that (BTC momentum on binanceusdm).",
    );
    expect(notificationText({ kind: "entry_filled", dca: false, final: false, ...fill }, en)).toMatch(
      /^Entry 1\/2 partly filled: BTC\/USDT:USDT long 0\.1 @ 58800\. The trade now holds 0\.2 at an average of 59400, with its TP\/SL for all of it/,
    );
    const es = wording().forLocale("es");
    expect(notificationText({ kind: "entry_filled", dca: true, final: true, ...fill }, es)).toMatch(
      /^Orden DCA 1\/2 llenada: /,
    );
  });

  it("in Spanish too", () => {
    const es = wording().forLocale("es");
    expect(notificationText({ ...target, pnl: "-2.10" }, es)).toMatch(/^Objetivo 1\/3 alcanzado: .* PnL -2\.10 USDT/);
    expect(notificationText({ kind: "stop_moved", ...view, price: "60000", from: "58800" }, es)).toMatch(
      /^Stop-loss movido: .* \(antes 58800\)/,
    );
  });
});
