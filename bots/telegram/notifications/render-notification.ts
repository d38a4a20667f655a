import type { NotificationMessage } from "../../../core/notifications/notification-message.ts";

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
};

/** Plain text for one notification (no parse mode: nothing from an exchange can break the markup). */
export function renderNotification(m: NotificationMessage): string {
  switch (m.kind) {
    case "execution": {
      const what = m.action === "close" ? `close ${m.symbol}` : `${m.action} ${m.symbol}`;
      const where = `${m.strategy} on ${m.account}`;
      if (m.status === "filled") return `Filled: ${what}, ${m.amount ?? "?"} @ ${m.price ?? "market"} (${where}).`;
      if (m.status === "skipped") return `Skipped: ${what} (${where}). ${m.reason ?? ""}`.trim();
      const advice =
        (m.errorCode && FAILURE_ADVICE[m.errorCode]) || "Check /positions and the account on the exchange.";
      return `Failed: ${what} (${where}).\nReason: ${m.reason ?? m.errorCode ?? "unknown"}\n${advice}`;
    }
    case "signal":
      return `Signal: ${m.strategy} says ${m.action} ${m.symbol}${m.price ? ` at ${m.price}` : ""}.`;
    case "daily":
      return `Daily summary ${m.date}: ${m.filled} filled, ${m.failed} failed, ${m.skipped} skipped in the last 24 h. /pnl for the card.`;
  }
}
