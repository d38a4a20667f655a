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
  | { kind: "daily"; date: string; filled: number; failed: number; skipped: number };

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

export type DeliveryResult = "sent" | "unreachable";

/** A chat transport's sending side. "unreachable": the user blocked the bot; nothing more should be sent. */
export interface Notifier {
  deliver(to: { telegramId: string }, message: NotificationMessage): Promise<DeliveryResult>;
}
