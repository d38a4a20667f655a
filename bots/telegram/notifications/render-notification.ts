import type { ClosedTradeView, NotificationMessage } from "../../../core/notifications/notification-message.ts";

// What went wrong, in plain words, and what the follower can do about it.
const FAILURE_ADVICE: Record<string, string> = {
  INSUFFICIENT_MARGIN: "Not enough free margin on the account. Top it up, or lower the size in /settings.",
  BELOW_MINIMUM: "The order came out below the exchange's minimum size. Raise the size in /settings.",
  UNKNOWN_MARKET: "Your exchange does not list this market, so it cannot be copied there. Nothing to do.",
  INVALID_KEY:
    "The exchange refused the API key (revoked or expired?). Link a new key with /link and remove the old account in /accounts.",
  ORDER_REJECTED:
    "The exchange rejected the order. Check the account's settings on the exchange (position mode, margin mode).",
  NO_PRICE: "There was no price to trade at. Nothing was placed.",
  RATE_LIMITED: "The exchange kept rate-limiting us and we gave up. Check /positions; the next signal will try again.",
  EXCHANGE_UNAVAILABLE:
    "The exchange was unreachable and we gave up. Check /positions; the next signal will try again.",
  EXCHANGE_UNCERTAIN: "The exchange did not confirm the order. Check /positions to see whether it went through.",
  ORDER_EXPIRED: "The exchange let the entry expire without filling any of it, so nothing is open. Nothing to do.",
  ORDER_PENDING: "The exchange never finished filling the order. Check /positions for what is open.",
};

const CLOSED_BY: Record<Extract<NotificationMessage, { kind: "trade" }>["reason"], string> = {
  take_profit: "Take-profit hit",
  stop_loss: "Stop-loss hit",
  liquidation: "Liquidated",
  manual: "Closed on the exchange",
};

/** "long 0.05 closed @ 61200 (entry 60000): PnL +59.40 USDT after 0.60 fees" */
function closedLine(t: ClosedTradeView): string {
  const pnl = `${t.pnl.startsWith("-") ? "" : "+"}${t.pnl} ${t.quote}`;
  const entry = t.entryPrice ? ` (entry ${t.entryPrice})` : "";
  return `${t.side} ${t.amount} closed @ ${t.exitPrice ?? "market"}${entry}: PnL ${pnl} after ${t.fees} fees`;
}

/** Plain text for one notification (no parse mode: nothing from an exchange can break the markup). */
export function renderNotification(m: NotificationMessage): string {
  switch (m.kind) {
    case "execution": {
      const what = m.action === "close" ? `close ${m.symbol}` : `${m.action} ${m.symbol}`;
      const where = `${m.strategy} on ${m.account}`;
      if (m.status === "filled" && m.action === "close" && m.closedTrade) {
        return `Closed by signal: ${m.symbol} ${closedLine(m.closedTrade)} (${where}).`;
      }
      if (m.status === "filled") {
        const lines = [`Filled: ${what}, ${m.amount ?? "?"} @ ${m.price ?? "market"} (${where}).`];
        if (m.closedTrade)
          lines.unshift(`Reversed: ${m.symbol} ${closedLine(m.closedTrade)}, then opened ${m.action}.`);
        if (m.unprotected) {
          lines.push(
            `WARNING: this position is open WITHOUT its protection: ${m.reason ?? "the exchange refused it"}.`,
            "Set the stop-loss / take-profit on the exchange yourself now, or close the position there.",
          );
        } else if (m.reason) lines.push(`Note: ${m.reason}.`);
        return lines.join("\n");
      }
      if (m.status === "skipped") {
        const head = m.closedTrade ? `Reversal: ${m.symbol} ${closedLine(m.closedTrade)}; not reopened` : "Skipped";
        return `${head}: ${what} (${where}). ${m.reason ?? ""}`.trim();
      }
      const advice =
        (m.errorCode && FAILURE_ADVICE[m.errorCode]) || "Check /positions and the account on the exchange.";
      return `Failed: ${what} (${where}).\nReason: ${m.reason ?? m.errorCode ?? "unknown"}\n${advice}`;
    }
    case "trade": {
      const after =
        m.reason === "manual"
          ? " Mimic stopped tracking it and cancelled its TP/SL."
          : m.reason === "liquidation"
            ? " The exchange closed it for lack of margin; its TP/SL are cancelled."
            : " The other protective order was cancelled.";
      return `${CLOSED_BY[m.reason]}: ${m.symbol} ${closedLine(m)} (${m.strategy} on ${m.account}).${after}`;
    }
    case "signal":
      return `Signal: ${m.strategy} says ${m.action} ${m.symbol}${m.price ? ` at ${m.price}` : ""}.`;
    case "daily":
      return `Daily summary ${m.date}: ${m.filled} filled, ${m.failed} failed, ${m.skipped} skipped in the last 24 h. /pnl for the card.`;
  }
}
