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
    }
  | { kind: "signal"; strategy: string; symbol: string; action: "long" | "short" | "close"; price: string | null }
  | { kind: "daily"; date: string; filled: number; failed: number; skipped: number };

export type DeliveryResult = "sent" | "unreachable";

/** A chat transport's sending side. "unreachable": the user blocked the bot; nothing more should be sent. */
export interface Notifier {
  deliver(to: { telegramId: string }, message: NotificationMessage): Promise<DeliveryResult>;
}
