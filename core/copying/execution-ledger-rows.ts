import type { OrderKind } from "../../generated/prisma/client.ts";
import type { Decimal } from "../platform/decimal.ts";

// The rows the execution ledger (execution-ledger.ts) writes, as its callers hand them over.

export interface NewOrderRow {
  executionId: string | null;
  tradeId?: string | null;
  kind: OrderKind;
  clientOrderId: string;
  symbol: string;
  side: string;
  type: string;
  reduceOnly: boolean;
  requestedAmount: Decimal;
  /** A TP/SL's trigger; an IOC limit entry's limit price (the one price column an order row has). */
  triggerPrice?: Decimal;
  /** Which one of its kind (a target's number, a stop's revision); 0 when absent. */
  leg?: number;
}

export interface ExecutionFinish {
  id: string;
  status: "placed" | "filled" | "failed" | "skipped";
  attempts: number;
  filledAmount?: Decimal;
  avgPrice?: Decimal;
  error?: string | null;
  errorCode?: string | null;
  side?: string;
  leverage?: number | null;
  requestedAmount?: Decimal;
  referencePrice?: Decimal;
}

/** A trade about to be opened, written with its entry's "sending" row. */
export interface NewTradeRow {
  id: string;
  accountId: string;
  strategyId: string;
  subscriptionId: string;
  symbol: string;
  side: "long" | "short";
  leverage: number | null;
  requestedAmount: Decimal;
  entry: NewOrderRow;
}

/** What an order of the trade filled, as the exchange reported it (the order's result stands in for its fills). */
export interface TradeFillRow {
  tradeId: string;
  kind: "entry" | "exit";
  exchangeOrderId: string;
  side: string;
  amount: Decimal;
  price: Decimal;
}
