import type { ClosedTradeView, NotificationMessage } from "../../../core/notifications/notification-message.ts";
import { paymentNoticeText } from "./plans-text.ts";
import { ticketRef } from "./support-text.ts";
import { tournamentResultText } from "./tournament-text.ts";
import type { T } from "./translator.ts";
import { communityNoticeText } from "./xp-text.ts";

/** "long 0.05 closed @ 61200 (entry 60000): PnL +59.40 USDT after 0.60 fees" */
function closedLine(c: ClosedTradeView, t: T): string {
  const args = {
    side: c.side,
    amount: c.amount,
    exit: c.exitPrice ?? t("notifications-market"),
    pnl: `${c.pnl.startsWith("-") ? "" : "+"}${c.pnl} ${c.quote}`,
    fees: c.fees,
  };
  return c.entryPrice
    ? t("notifications-closed-with-entry", { ...args, entry: c.entryPrice })
    : t("notifications-closed", args);
}

/**
 * One notification as plain text in the recipient's language (no markup: nothing an exchange says can break
 * it). Every transport sends this text; a transport with richer messages may add its own framing around it.
 */
export function notificationText(m: NotificationMessage, t: T): string {
  switch (m.kind) {
    case "execution": {
      const what = t("notifications-what", { action: m.action, symbol: m.symbol });
      const where = t("notifications-where", { strategy: m.strategy, account: m.account });
      if (m.status === "filled" && m.action === "close" && m.closedTrade) {
        return t("notifications-closed-by-signal", { symbol: m.symbol, closed: closedLine(m.closedTrade, t), where });
      }
      if (m.status === "filled") {
        const lines = [
          t("notifications-filled", {
            what,
            amount: m.amount ?? "?",
            price: m.price ?? t("notifications-market"),
            where,
          }),
        ];
        if (m.closedTrade) {
          lines.unshift(
            t("notifications-reversed", { symbol: m.symbol, closed: closedLine(m.closedTrade, t), action: m.action }),
          );
        }
        if (m.unprotected) {
          lines.push(t("notifications-unprotected", { reason: m.reason ?? t("notifications-unprotected-reason") }));
        } else if (m.reason) lines.push(t("notifications-note", { reason: m.reason }));
        return lines.join("\n");
      }
      if (m.status === "skipped") {
        const args = { what, where, reason: m.reason ?? "" };
        if (m.closedTrade) {
          const reversal = { ...args, symbol: m.symbol, closed: closedLine(m.closedTrade, t) };
          return t(m.reason ? "notifications-reversal-skipped-because" : "notifications-reversal-skipped", reversal);
        }
        return t(m.reason ? "notifications-skipped-because" : "notifications-skipped", args);
      }
      return t("notifications-failed", {
        what,
        where,
        reason: m.reason ?? m.errorCode ?? t("notifications-unknown"),
        // An entry under the slippage cap that expired did not fill because the market had moved past the cap.
        advice:
          m.errorCode === "ORDER_EXPIRED" && m.cappedEntry
            ? t("notifications-advice-slippage-cap")
            : t("notifications-advice", { code: m.errorCode ?? "" }),
      });
    }
    case "trade":
      return t("notifications-trade-closed", {
        reason: m.reason,
        symbol: m.symbol,
        closed: closedLine(m, t),
        where: t("notifications-where", { strategy: m.strategy, account: m.account }),
      });
    case "signal": {
      const what = t("notifications-what", { action: m.action, symbol: m.symbol });
      return m.price
        ? t("notifications-signal-at", { strategy: m.strategy, what, price: m.price })
        : t("notifications-signal", { strategy: m.strategy, what });
    }
    case "plan_reminder":
      return t(`plan-access-reminder-${m.stage}`, {
        plan: m.plan,
        until: `${m.until.slice(0, 16).replace("T", " ")} UTC`,
      });
    case "daily":
      return t("notifications-daily", { date: m.date, filled: m.filled, failed: m.failed, skipped: m.skipped });
    case "target":
      return t("notifications-target", {
        target: m.target,
        targets: m.targets,
        symbol: m.symbol,
        side: m.side,
        amount: m.amount,
        price: m.price,
        pnl: m.pnl === null ? "?" : `${m.pnl.startsWith("-") ? "" : "+"}${m.pnl} ${m.quote}`,
        where: t("notifications-where", { strategy: m.strategy, account: m.account }),
      });
    case "entry_filled":
      return t(m.dca ? "notifications-dca-filled" : "notifications-entry-filled", {
        order: m.order,
        orders: m.orders,
        symbol: m.symbol,
        side: m.side,
        amount: m.amount,
        price: m.price,
        total: m.total,
        average: m.average,
        final: m.final ? "yes" : "no",
        where: t("notifications-where", { strategy: m.strategy, account: m.account }),
      });
    case "stop_moved":
      return t(m.from ? "notifications-stop-moved" : "notifications-stop-set", {
        symbol: m.symbol,
        side: m.side,
        price: m.price,
        from: m.from ?? "",
        where: t("notifications-where", { strategy: m.strategy, account: m.account }),
      });
    case "guardrail":
      return t("notifications-guardrail", {
        reason: m.reason,
        account: m.account,
        pnl: `${m.pnl.startsWith("-") ? "" : "+"}${m.pnl} ${m.quote}`,
        perc: m.pnlPerc,
        limit: m.limitPerc,
        trades: m.trades,
      });
    case "support_reply":
      return t("support-reply", { ticket: ticketRef(m.ticketId), text: m.text });
    case "support_message":
      return m.strategy
        ? t("support-broadcast", { strategy: m.strategy, text: m.text })
        : t("support-admin-message", { text: m.text });
    case "support_ticket":
      // Posted to an admin chat: prompts/escalation.md, already rendered.
      return m.text;
    case "level_up":
    case "achievement":
      return communityNoticeText(m, t);
    case "tournament":
      return tournamentResultText(m, t);
    case "payment":
      return paymentNoticeText(m, t);
  }
}
