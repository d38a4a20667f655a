import type { DcaSpec, ZoneEntry } from "./entry-plan.ts";
import type { TakeProfitTarget, TrailingSpec } from "./trade-plan.ts";

/**
 * One signal as every source hands it to the shared receive path (`acceptSignal`): the TradingView webhook's
 * body and a provider's message in a Discord source channel. Decimals are strings, as they came in.
 */
export interface SignalInput {
  /** The sender's own id: another delivery with it is the same signal (dedupe key "id:<id>"). */
  id?: string;
  action: "long" | "short" | "close";
  /** As the sender wrote it ("BINANCE:BTCUSDT.P"); normalised on the way in. */
  rawSymbol: string;
  riskPerc?: string;
  leverage?: number;
  tpPerc?: string;
  slPerc?: string;
  /** Absolute take-profit and stop-loss levels (a provider's prices): used instead of the percents when set. */
  tpPrice?: string;
  slPrice?: string;
  /** The sender's reference (entry) price. */
  price?: string;
  /** The sender's own quantity: what multiplier sizing multiplies. */
  qty?: string;
  /** The entry's slippage cap in percent of the reference price; followers may set their own over it. */
  maxSlippagePerc?: string;
  /** Several take-profit targets (instead of tpPerc/tpPrice), and how the stop moves. */
  takeProfits?: TakeProfitTarget[];
  trailing?: TrailingSpec;
  /** An entry zone of limit orders instead of one market entry, and how long it waits (seconds from receipt). */
  entries?: ZoneEntry[];
  entryExpirySec?: number;
  /** Safety orders placed once the entry filled. */
  dca?: DcaSpec;
  /** When the sender made the signal: its age is measured from here when that is earlier than its receipt. */
  sentAt?: Date;
}
