import type { PlanReminderMessage } from "../billing/plan-reminders.ts";
import type { PaymentMessage } from "../billing/plisio/payment-notice.ts";
import type { CommunityMessage } from "../community/community-notifications.ts";
import type { TournamentResultMessage } from "../community/tournaments/tournament-message.ts";

// What a follower is told, as data; each chat transport renders it in its own words and markup.
export type NotificationMessage =
  | {
      kind: "execution";
      status: "filled" | "failed" | "skipped";
      strategy: string;
      account: string;
      symbol: string;
      action: "long" | "short" | "close";
      side: string | null;
      /** Decimal strings as the exchange reported them. */
      amount: string | null;
      price: string | null;
      errorCode: string | null;
      reason: string | null;
      /** The trade this execution closed (a close signal, or a reversal's first leg), with what it realised. */
      closedTrade: ClosedTradeView | null;
      /** The position is open without a TP or SL it should have (the reason is in `reason`). */
      unprotected: boolean;
      /**
       * The entry was an IOC limit at the slippage cap: an ORDER_EXPIRED entry then means the market moved past the
       * cap (the reason names the cap and the price). Absent: a market entry, or none.
       */
      cappedEntry?: boolean;
    }
  | ({
      kind: "trade";
      /** What closed it without a signal: a trigger, the exchange, or the follower by hand. */
      reason: "take_profit" | "stop_loss" | "liquidation" | "manual";
      strategy: string;
      account: string;
      symbol: string;
    } & ClosedTradeView)
  | { kind: "signal"; strategy: string; symbol: string; action: "long" | "short" | "close"; price: string | null }
  | { kind: "daily"; date: string; filled: number; failed: number; skipped: number }
  | PlanReminderMessage
  | ({
      kind: "target";
      /** Which target filled (1 is the nearest), of how many the trade has. */
      target: number;
      targets: number;
      /** What it closed, at what average price, and the PnL of that part against the entry, before fees. */
      amount: string;
      price: string;
      pnl: string | null;
    } & TradeEventView)
  | ({
      kind: "entry_filled";
      /** A DCA (safety) order, or an entry of the zone; its number (1 is the first), of how many. */
      dca: boolean;
      order: number;
      orders: number;
      /** What it filled so far and at what price; the trade's amount and average entry now. */
      amount: string;
      price: string;
      total: string;
      average: string;
      /** Whether the order filled whole (else: part of it so far). */
      final: boolean;
    } & TradeEventView)
  | ({
      kind: "stop_moved";
      /** The stop's new level, and where it was (null: the trade had none). */
      price: string;
      from: string | null;
    } & TradeEventView)
  | {
      kind: "guardrail";
      /** Which daily guardrail tripped: the loss limit, or the profit lock. */
      reason: "daily_loss" | "daily_profit";
      account: string;
      /** The UTC day ("2026-12-06"); no new entries on the account until the next 00:00 UTC. */
      day: string;
      /** The day's PnL when it tripped, net of fees (signed, 2 decimals), and in percent of the day's equity. */
      pnl: string;
      pnlPerc: string;
      limitPerc: string;
      quote: string;
      /** Mimic's open trades on the account that it closed. */
      trades: number;
    }
  /** An admin's answer on the follower's support ticket (core/support/tickets/reply-as-admin.ts). */
  | { kind: "support_reply"; ticketId: string; text: string }
  /** An admin's message to this follower, or to every follower of `strategy` (send-admin-message.ts). */
  | { kind: "support_message"; text: string; strategy: string | null }
  /** A new ticket, posted to an admin chat; `text` is prompts/escalation.md rendered, in English. */
  | { kind: "support_ticket"; ticketId: string; text: string }
  /** A level reached or an achievement earned (core/community). */
  | CommunityMessage
  /** A tournament's results, to a participant or a community channel (core/community/tournaments/). */
  | TournamentResultMessage
  /** A plan paid through Plisio, or an invoice that expired unpaid or underpaid (core/billing/plisio/). */
  | PaymentMessage;

/** The open trade a target or a stop move is about. */
export interface TradeEventView {
  strategy: string;
  account: string;
  symbol: string;
  side: string;
  quote: string;
}

/** A closed trade as the follower sees it. Decimal strings; pnl is net of fees. */
export interface ClosedTradeView {
  side: string;
  amount: string;
  entryPrice: string | null;
  exitPrice: string | null;
  pnl: string;
  fees: string;
  quote: string;
}

/** Who a notification goes to, on the transport it goes by. */
export interface Recipient {
  userId: string;
  transport: "telegram" | "discord";
  telegramId: string | null;
  discordId: string | null;
  /** The DM channel Discord opened for this user before, if any. */
  discordDmChannelId: string | null;
  /** BCP 47 tag from the user's chat client, for the wording. */
  locale: string | null;
}

/**
 * "sent", or "unreachable": the user blocked the bot (Telegram 403) or closed their DMs (Discord 50007), and
 * nothing more should be sent on that transport. A Discord sender reports the DM channel it opened, to be kept.
 */
export type DeliveryResult = { outcome: "sent"; discordDmChannelId?: string } | { outcome: "unreachable" };

/** A chat transport's sending side. */
export interface Notifier {
  transport: Recipient["transport"];
  deliver(to: Recipient, message: NotificationMessage): Promise<DeliveryResult>;
}
