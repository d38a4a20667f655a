import type { Decimal } from "../platform/decimal.ts";
import type { ErrorCode } from "../platform/errors.ts";

/** What was asked of the exchange, recorded with the outcome. */
export interface Sized {
  side: "buy" | "sell";
  leverage: number | null;
  requestedAmount: Decimal;
  referencePrice?: Decimal;
}

/** How one follower's execution of a signal ended, or that it must wait for an earlier one on its symbol. */
export type ExecutionOutcome =
  | { status: "filled"; filledAmount: Decimal; avgPrice?: Decimal; warning?: string; sized?: Sized }
  /** Limit entries (an entry zone) rest on the exchange: the execution ends when the zone does (follow-entries.ts). */
  | { status: "placed"; filledAmount: Decimal; avgPrice?: Decimal; warning?: string; sized?: Sized }
  | { status: "failed"; errorCode: ErrorCode; reason: string; sized?: Sized }
  | { status: "skipped"; reason: string }
  | { status: "wait"; retryAfterMs: number; reason: string };
