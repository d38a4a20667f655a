import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../../../core/notifications/notification-message.ts";
import { renderNotification } from "./render-notification.ts";

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

describe("renderNotification", () => {
  it("says plainly when a position is open without its protection, and what to do", () => {
    const text = renderNotification(
      execution({ unprotected: true, reason: "stop-loss not placed: Reach max stop order limit." }),
    );
    expect(text).toMatch(/^Filled: long BTC\/USDT:USDT, 0\.05 @ 60000/);
    expect(text).toMatch(/WITHOUT its protection: stop-loss not placed: Reach max stop order limit\./);
    expect(text).toMatch(/Set the stop-loss \/ take-profit on the exchange yourself now, or close the position there/);
  });

  it("reports each way a trade ends, with its PnL after fees", () => {
    const trade = (reason: "take_profit" | "stop_loss" | "liquidation" | "manual") =>
      renderNotification({
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
    expect(renderNotification(execution({ action: "close", closedTrade: closed }))).toMatch(
      /^Closed by signal: BTC\/USDT:USDT long 0\.05 closed @ 61200 .*PnL \+59\.40 USDT/,
    );
    expect(renderNotification(execution({ action: "short", closedTrade: closed }))).toMatch(
      /^Reversed: BTC\/USDT:USDT long 0\.05 closed @ 61200 .*then opened short\.\nFilled: short/,
    );
  });

  it("an entry that expired unfilled says nothing is open", () => {
    const text = renderNotification(
      execution({
        status: "failed",
        errorCode: "ORDER_EXPIRED",
        reason: "the exchange ended the entry without filling it (order canceled)",
      }),
    );
    expect(text).toMatch(/^Failed: long BTC\/USDT:USDT/);
    expect(text).toMatch(/nothing is open/);
  });
});
