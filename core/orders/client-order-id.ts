import { createHash } from "node:crypto";

export type OrderLeg = "entry" | "take_profit" | "stop_loss" | "close" | "exit";

export const LEG_CODE: Record<OrderLeg, string> = {
  entry: "e",
  take_profit: "tp",
  stop_loss: "sl",
  close: "x",
  exit: "xp",
};

/**
 * The same signal, subscription and leg always give the same id, so a retried or redelivered job can ask the
 * exchange "do you already have this order?" instead of sending a second one.
 * Shape: "mm" + 28 hex + "-" + leg: at most 33 chars, inside Binance's [.A-Z:/a-z0-9_-]{1,36} and Bybit's 36.
 */
export function clientOrderIdFor(signalId: string, subscriptionId: string, leg: OrderLeg): string {
  const digest = createHash("sha256").update(`${signalId}|${subscriptionId}`).digest("hex").slice(0, 28);
  return `mm${digest}-${LEG_CODE[leg]}`;
}

/** The execution's main order: the entry for long/short, the reduce-only close for close. */
export function mainLegOf(action: "long" | "short" | "close"): OrderLeg {
  return action === "close" ? "close" : "entry";
}
