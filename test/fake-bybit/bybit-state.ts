import { Decimal } from "../../core/platform/decimal.ts";
import type { BybitMarketFault } from "./bybit-faults.ts";

// Bybit v5 for ccxt's bybit client: unified account, linear USDT perpetuals, per-key wallet, one-way or hedge
// positions, market orders (plain or conditional) and limit orders (IOC, or GTC resting until the price comes to
// them) by orderLinkId, executions with fees, a mark price tests move.

export type Side = "Buy" | "Sell";
export type TriggerBy = "LastPrice" | "MarkPrice" | "IndexPrice";
export type OrderStatus =
  | "New"
  | "PartiallyFilled"
  | "Untriggered"
  | "Filled"
  | "Cancelled"
  | "PartiallyFilledCanceled"
  | "Deactivated"
  | "Rejected";
export type ExecType = "Trade" | "BustTrade";

export interface BybitInstrument {
  symbol: string;
  base: string;
  qtyStep: string;
  tickSize: string;
  minNotional: string;
  maxLeverage: string;
  /** Last traded price: what market orders fill at and what LastPrice triggers watch. */
  price: Decimal;
  /** Mark (= index here): what liquidation, margin and MarkPrice/IndexPrice triggers watch. */
  markPrice: Decimal;
  /** Maintenance margin rate of the first risk tier. */
  mmr: Decimal;
}

export interface BybitOrder {
  orderId: string;
  orderLinkId: string;
  symbol: string;
  side: Side;
  orderType: "Market" | "Limit";
  /** A market order is IOC; a limit one IOC, or GTC resting until the last price reaches it (bybit-limits.ts). */
  timeInForce: "IOC" | "GTC";
  orderStatus: OrderStatus;
  /** Bybit trims a reduce-only order to the position it can close, so this may end below what was asked. */
  qty: Decimal;
  /**
   * A limit order's price; a market order is an IOC limit at a protection price on Bybit; "0" until a conditional
   * one triggers.
   */
  price: Decimal;
  cumExecQty: Decimal;
  cumExecValue: Decimal;
  cumExecFee: Decimal;
  triggerPrice: Decimal;
  triggerDirection: number;
  triggerBy: TriggerBy;
  reduceOnly: boolean;
  closeOnTrigger: boolean;
  positionIdx: 0 | 1 | 2;
  createType: string;
  stopOrderType: "" | "Stop";
  cancelType: string;
  rejectReason: string;
  lastPriceOnCreated: Decimal;
  createdTime: number;
  updatedTime: number;
}

export interface BybitPosition {
  symbol: string;
  positionIdx: 0 | 1 | 2;
  /** Signed: long positive, short negative (in hedge mode idx 1 is never short, idx 2 never long). */
  size: Decimal;
  avgPrice: Decimal;
  curRealisedPnl: Decimal;
  cumRealisedPnl: Decimal;
  createdTime: number;
  updatedTime: number;
  seq: number;
}

export interface BybitExecution {
  symbol: string;
  orderId: string;
  orderLinkId: string;
  side: Side;
  orderPrice: Decimal;
  orderQty: Decimal;
  leavesQty: Decimal;
  createType: string;
  stopOrderType: string;
  execFee: Decimal;
  execId: string;
  execPrice: Decimal;
  execQty: Decimal;
  execType: ExecType;
  orderType: "Market" | "Limit";
  /** A resting limit's fill: the price came to it, and it paid the maker fee. */
  isMaker: boolean;
  execTime: number;
  feeRate: Decimal;
  closedSize: Decimal;
  markPrice: Decimal;
  seq: number;
}

/** One per order that closed (part of) a position, as GET /v5/position/closed-pnl lists them. */
export interface BybitClosedPnl {
  symbol: string;
  orderId: string;
  side: Side;
  qty: Decimal;
  orderPrice: Decimal;
  execType: ExecType;
  closedSize: Decimal;
  cumEntryValue: Decimal;
  cumExitValue: Decimal;
  /** Net of the closing fee and of the opening fee of the closed part. */
  closedPnl: Decimal;
  fillCount: number;
  leverage: string;
  createdTime: number;
  updatedTime: number;
}

export interface BybitAccount {
  apiKey: string;
  secret: string;
  revoked: boolean;
  /** The key's "Withdraw" wallet permission (GET /v5/user/query-api); keys are trade-only unless set. */
  canWithdraw: boolean;
  wallet: Decimal;
  /** Keyed by positionKey(symbol, positionIdx): the bare symbol in one-way mode. */
  positions: Map<string, BybitPosition>;
  /** Keyed by orderLinkId, or by orderId for orders without one. */
  orders: Map<string, BybitOrder>;
  executions: BybitExecution[];
  closedPnl: BybitClosedPnl[];
  leverage: Map<string, string>;
  /** Position mode per symbol (POST /v5/position/switch-mode by symbol); others follow hedgeDefault. */
  hedgeSymbols: Map<string, boolean>;
  hedgeDefault: boolean;
}

export class BybitError extends Error {
  constructor(
    readonly retCode: number,
    msg: string,
    readonly httpStatus = 200,
  ) {
    super(msg);
  }
}

export const ZERO = new Decimal(0);

export const positionKey = (symbol: string, idx: number): string => (idx === 0 ? symbol : `${symbol}:${idx}`);

export function isHedged(a: BybitAccount, symbol: string): boolean {
  return a.hedgeSymbols.get(symbol) ?? a.hedgeDefault;
}

export function isOpen(o: BybitOrder): boolean {
  return o.orderStatus === "New" || o.orderStatus === "PartiallyFilled" || o.orderStatus === "Untriggered";
}

export function leverageOf(a: BybitAccount, symbol: string): Decimal {
  return new Decimal(a.leverage.get(symbol) ?? "10");
}

/** A market order waiting for the rest of its fault (see bybit-faults.ts) to play out. */
export interface PendingOrder {
  apiKey: string;
  order: BybitOrder;
  fault: BybitMarketFault;
  timer: ReturnType<typeof setTimeout>;
}

export interface FakeBybitConfig {
  startingBalance: string;
  takerFeeRate: Decimal;
  makerFeeRate: Decimal;
  settleAfterMs: number;
  marketFaults: BybitMarketFault[];
}

const instrument = (symbol: string, base: string, qtyStep: string, tickSize: string, price: number) => ({
  symbol,
  base,
  qtyStep,
  tickSize,
  minNotional: "5",
  maxLeverage: "100.00",
  price: new Decimal(price),
  markPrice: new Decimal(price),
  mmr: new Decimal("0.005"),
});

export class FakeBybitState {
  readonly instruments = new Map<string, BybitInstrument>([
    ["BTCUSDT", instrument("BTCUSDT", "BTC", "0.001", "0.10", 60000)],
    ["ETHUSDT", instrument("ETHUSDT", "ETH", "0.01", "0.01", 3000)],
  ]);
  readonly accounts = new Map<string, BybitAccount>();
  /** By orderId. */
  readonly pending = new Map<string, PendingOrder>();
  private nextId = 1;
  private nextSeq = 1000;

  constructor(readonly config: FakeBybitConfig) {}

  get startingBalance(): string {
    return this.config.startingBalance;
  }

  newOrderId(): string {
    this.nextId += 1;
    return `00000000-0000-0000-0000-${String(this.nextId).padStart(12, "0")}`;
  }

  newExecId(): string {
    this.nextId += 1;
    return `e0000000-0000-5000-8000-${String(this.nextId).padStart(12, "0")}`;
  }

  /** Bybit's cross sequence: one per fill, shared by the execution and the position it moved. */
  newSeq(): number {
    this.nextSeq += 1;
    return this.nextSeq;
  }

  /** Unknown keys are accepted with secret `secret-<apiKey>`, as in the Binance fake. */
  account(apiKey: string): BybitAccount {
    let a = this.accounts.get(apiKey);
    if (!a) {
      a = {
        apiKey,
        secret: `secret-${apiKey}`,
        canWithdraw: false,
        revoked: false,
        wallet: new Decimal(this.config.startingBalance),
        positions: new Map(),
        orders: new Map(),
        executions: [],
        closedPnl: [],
        leverage: new Map(),
        hedgeSymbols: new Map(),
        hedgeDefault: false,
      };
      this.accounts.set(apiKey, a);
    }
    return a;
  }

  instrument(symbol: string | undefined): BybitInstrument {
    const i = symbol ? this.instruments.get(symbol) : undefined;
    if (!i) throw new BybitError(10001, "params error: symbol invalid");
    return i;
  }

  position(a: BybitAccount, symbol: string, idx: 0 | 1 | 2): BybitPosition {
    const key = positionKey(symbol, idx);
    let p = a.positions.get(key);
    if (!p) {
      p = {
        symbol,
        positionIdx: idx,
        size: ZERO,
        avgPrice: ZERO,
        curRealisedPnl: ZERO,
        cumRealisedPnl: ZERO,
        createdTime: Date.now(),
        updatedTime: Date.now(),
        seq: -1,
      };
      a.positions.set(key, p);
    }
    return p;
  }
}
