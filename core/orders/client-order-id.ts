import { createHash } from "node:crypto";

export type OrderLeg = "entry" | "take_profit" | "stop_loss" | "close" | "exit" | "dca";

export const LEG_CODE: Record<OrderLeg, string> = {
  entry: "e",
  take_profit: "tp",
  stop_loss: "sl",
  close: "x",
  exit: "xp",
  dca: "d",
};

/** A stop moves at most this many times: "-sl999" is the longest suffix that keeps the id within 36 chars. */
export const MAX_LEG_NUMBER = 999;

/**
 * The same signal, subscription and leg always give the same id, so a retried or redelivered job can ask the
 * exchange "do you already have this order?" instead of sending a second one.
 * Shape: "mm" + 28 hex + "-" + leg code (+ number): at most 36 chars, inside Binance's [.A-Z:/a-z0-9_-]{1,36} and
 * Bybit's 36. `n` tells apart several orders of one leg (see `legSuffix`); 0, the default, is the first one.
 */
export function clientOrderIdFor(signalId: string, subscriptionId: string, leg: OrderLeg, n = 0): string {
  const digest = createHash("sha256").update(`${signalId}|${subscriptionId}`).digest("hex").slice(0, 28);
  return `mm${digest}-${legSuffix(leg, n)}`;
}

/**
 * Another leg of the same execution, from any of its ids: what reconciliation uses to name a moved stop without
 * knowing the signal (a trade's entry id is "mm<hex>-e", its third stop "mm<hex>-sl2").
 */
export function siblingOrderId(clientOrderId: string, leg: OrderLeg, n = 0): string {
  const base = clientOrderId.slice(0, clientOrderId.lastIndexOf("-"));
  return `${base}-${legSuffix(leg, n)}`;
}

/**
 * The first order of a leg keeps the code alone (the ids of single TP/SL trades stay what they were); take-profit
 * targets are numbered as people count them ("-tp" is target 1, "-tp2" target 2), stop revisions and the exits of
 * moved stops from 1 ("-sl1" is the first move).
 */
function legSuffix(leg: OrderLeg, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_LEG_NUMBER) throw new Error(`leg number ${n} out of range`);
  if (n === 0) return LEG_CODE[leg];
  return `${LEG_CODE[leg]}${leg === "take_profit" ? n + 1 : n}`;
}

/** The execution's main order: the entry for long/short, the reduce-only close for close. */
export function mainLegOf(action: "long" | "short" | "close"): OrderLeg {
  return action === "close" ? "close" : "entry";
}
