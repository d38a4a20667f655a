import { Decimal } from "../../core/platform/decimal.ts";
import type { PendingFill } from "./pending-fills.ts";
import { type OrderCounts, RequestWeight } from "./request-weight.ts";
import { defaultSymbols, type SymbolSpec } from "./symbols.ts";
import type { FakeTrade } from "./user-trades.ts";

export type Side = "BUY" | "SELL";
/** BOTH in one-way mode; LONG or SHORT in hedge mode (dualSidePosition). */
export type PositionSide = "BOTH" | "LONG" | "SHORT";
export type OrderStatus = "NEW" | "PARTIALLY_FILLED" | "FILLED" | "CANCELED" | "EXPIRED";

export interface FakeOrder {
  orderId: number;
  clientOrderId: string;
  symbol: string;
  side: Side;
  type: string;
  status: OrderStatus;
  positionSide: PositionSide;
  timeInForce: string;
  price: Decimal;
  origQty: Decimal;
  executedQty: Decimal;
  avgPrice: Decimal;
  reduceOnly: boolean;
  time: number;
  updateTime: number;
  /** Set on the orders Binance places itself to close a position (GET /fapi/v1/forceOrders). */
  autoCloseType?: "LIQUIDATION";
}

export interface FakeAlgoOrder {
  algoId: number;
  clientAlgoId: string;
  symbol: string;
  side: Side;
  orderType: string;
  positionSide: PositionSide;
  algoStatus: "NEW" | "CANCELED" | "FINISHED" | "EXPIRED";
  quantity: Decimal;
  triggerPrice: Decimal;
  reduceOnly: boolean;
  closePosition: boolean;
  createTime: number;
  updateTime: number;
  triggerTime: number;
  actualOrderId?: number;
  actualPrice?: Decimal;
}

/** Keyed by positionKey(symbol, positionSide), so tests can still set one-way positions under the bare symbol. */
export interface FakePosition {
  /** Signed: negative is short (a SHORT position in hedge mode is negative too). */
  amt: Decimal;
  entryPrice: Decimal;
  updateTime: number;
}

export interface FakeAccount {
  apiKey: string;
  secret: string;
  revoked: boolean;
  wallet: Decimal;
  /** Hedge mode: one LONG and one SHORT position per symbol instead of one net (BOTH) position. */
  dualSidePosition: boolean;
  /** Keyed by positionKey(symbol, positionSide). */
  positions: Map<string, FakePosition>;
  leverage: Map<string, number>;
  orders: Map<number, FakeOrder>;
  /** Latest order per client id: Binance only keeps client ids unique among open orders. */
  ordersByClientId: Map<string, FakeOrder>;
  algoOrders: Map<number, FakeAlgoOrder>;
  algoByClientId: Map<string, FakeAlgoOrder>;
  /** Every fill, ascending by id (GET /fapi/v1/userTrades). */
  trades: FakeTrade[];
  /** Order-rate windows behind the X-MBX-ORDER-COUNT-* headers (Binance counts orders per account). */
  orderCounts: OrderCounts;
  /** Requests before this instant (epoch ms) break a Retry-After we sent. */
  retryAfterUntil: number;
}

export interface Violation {
  apiKey: string;
  path: string;
  at: number;
  retryAfterUntil: number;
}

export interface StateOptions {
  startingBalance: string;
  /** When true, unknown keys are accepted with secret `secret-<apiKey>`. */
  autoRegisterKeys: boolean;
  takerFeeRate: string;
  makerFeeRate: string;
  symbols?: SymbolSpec[];
}

export class FakeBinanceState {
  readonly symbols = new Map<string, SymbolSpec>();
  readonly prices = new Map<string, Decimal>();
  readonly accounts = new Map<string, FakeAccount>();
  /** Accepted creates (regular + algo) per client order id: exactly-once means every value is 1. */
  readonly createsByClientOrderId = new Map<string, number>();
  /** Create attempts seen per client order id, accepted or not; fault rules key on it. */
  readonly createAttemptsByClientOrderId = new Map<string, number>();
  /** Single-order look-ups (GET order / algoOrder) per client order id; lookup fault rules key on it. */
  readonly lookupAttemptsByClientOrderId = new Map<string, number>();
  /** Market orders answered NEW / PARTIALLY_FILLED whose fill or expiry is still to come. */
  readonly pending = new Set<PendingFill>();
  /** The IP's request weight: one client IP for the whole fake. */
  readonly weight = new RequestWeight();
  readonly violations: Violation[] = [];
  readonly openAlgoBySymbol = new Map<string, Set<{ account: FakeAccount; order: FakeAlgoOrder }>>();
  /** LIMIT orders that rest (GTC), per symbol, for price moves to fill; entries no longer open are dropped lazily. */
  readonly restingLimitsBySymbol = new Map<string, Set<{ account: FakeAccount; order: FakeOrder }>>();
  /** API keys whose restrictions say withdrawals are enabled (GET /sapi/v1/account/apiRestrictions). */
  readonly withdrawalKeys = new Set<string>();
  totalRequests = 0;
  acceptedOrders = 0;
  /** Creates received and still inside `orderLatencyMs`: on the wire, to be accepted whatever the client does. */
  createsInFlight = 0;
  /** Epoch ms of the first and last accepted create since the counters were reset (benchmarks read these). */
  firstOrderAt: number | null = null;
  lastOrderAt: number | null = null;
  /** Accepted creates per 50 ms since the first: how fast a fan-out ramps up (benchmarks print it). */
  readonly ordersPer50ms: number[] = [];
  startingBalance: Decimal;
  takerFeeRate: Decimal;
  /** Charged on fills of resting LIMIT orders (they were in the book first). */
  makerFeeRate: Decimal;
  autoRegisterKeys: boolean;
  private nextId = 1_000_000;
  private nextTradeId = 5_000_000;

  constructor(opts: StateOptions) {
    this.startingBalance = new Decimal(opts.startingBalance);
    this.takerFeeRate = new Decimal(opts.takerFeeRate);
    this.makerFeeRate = new Decimal(opts.makerFeeRate);
    this.autoRegisterKeys = opts.autoRegisterKeys;
    for (const s of opts.symbols ?? defaultSymbols) {
      this.symbols.set(s.symbol, s);
      this.prices.set(s.symbol, s.initialPrice);
    }
  }

  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  newTradeId(): number {
    this.nextTradeId += 1;
    return this.nextTradeId;
  }

  /** The secret an unregistered key must sign with. */
  static impliedSecret(apiKey: string): string {
    return `secret-${apiKey}`;
  }

  addKey(apiKey: string, secret = FakeBinanceState.impliedSecret(apiKey), balance?: string): FakeAccount {
    const existing = this.accounts.get(apiKey);
    if (existing) {
      existing.secret = secret;
      existing.revoked = false;
      if (balance !== undefined) existing.wallet = new Decimal(balance);
      return existing;
    }
    const account: FakeAccount = {
      apiKey,
      secret,
      revoked: false,
      wallet: balance === undefined ? this.startingBalance : new Decimal(balance),
      dualSidePosition: false,
      positions: new Map(),
      leverage: new Map(),
      orders: new Map(),
      ordersByClientId: new Map(),
      algoOrders: new Map(),
      algoByClientId: new Map(),
      trades: [],
      orderCounts: { tenSec: { start: 0, n: 0 }, minute: { start: 0, n: 0 } },
      retryAfterUntil: 0,
    };
    this.accounts.set(apiKey, account);
    return account;
  }

  /** Known account, or a fresh one for an unregistered key when auto-registration is on. */
  resolveKey(apiKey: string): FakeAccount | undefined {
    const account = this.accounts.get(apiKey);
    if (account) return account;
    return this.autoRegisterKeys ? this.addKey(apiKey) : undefined;
  }

  revokeKey(apiKey: string): void {
    const account = this.accounts.get(apiKey) ?? this.addKey(apiKey);
    account.revoked = true;
  }

  setBalance(apiKey: string, balance: string): void {
    const account = this.resolveKey(apiKey) ?? this.addKey(apiKey);
    account.wallet = new Decimal(balance);
  }

  price(symbol: string): Decimal {
    const p = this.prices.get(symbol);
    if (!p) throw new Error(`no price for ${symbol}`);
    return p;
  }

  leverageOf(account: FakeAccount, symbol: string): number {
    return account.leverage.get(symbol) ?? this.symbols.get(symbol)?.defaultLeverage ?? 20;
  }

  countAttempt(clientOrderId: string): number {
    const n = (this.createAttemptsByClientOrderId.get(clientOrderId) ?? 0) + 1;
    this.createAttemptsByClientOrderId.set(clientOrderId, n);
    return n;
  }

  countLookup(clientOrderId: string): number {
    const n = (this.lookupAttemptsByClientOrderId.get(clientOrderId) ?? 0) + 1;
    this.lookupAttemptsByClientOrderId.set(clientOrderId, n);
    return n;
  }

  countAccepted(clientOrderId: string): void {
    this.acceptedOrders += 1;
    this.lastOrderAt = Date.now();
    this.firstOrderAt ??= this.lastOrderAt;
    const bucket = Math.floor((this.lastOrderAt - this.firstOrderAt) / 50);
    while (this.ordersPer50ms.length <= bucket) this.ordersPer50ms.push(0);
    this.ordersPer50ms[bucket] = (this.ordersPer50ms[bucket] as number) + 1;
    this.createsByClientOrderId.set(clientOrderId, (this.createsByClientOrderId.get(clientOrderId) ?? 0) + 1);
  }
}

/** One-way mode keeps one position per symbol; hedge mode one per side. */
export function positionKey(symbol: string, positionSide: PositionSide): string {
  return positionSide === "BOTH" ? symbol : `${symbol}:${positionSide}`;
}

export interface HeldPosition {
  symbol: string;
  positionSide: PositionSide;
  pos: FakePosition;
}

/** The account's positions (flat ones included) with the symbol and side their key stands for. */
export function* positionsOf(account: FakeAccount): Generator<HeldPosition> {
  for (const [key, pos] of account.positions) {
    const i = key.indexOf(":");
    if (i < 0) yield { symbol: key, positionSide: "BOTH", pos };
    else yield { symbol: key.slice(0, i), positionSide: key.slice(i + 1) as PositionSide, pos };
  }
}

/** NEW and PARTIALLY_FILLED orders are open: listed by openOrders, cancelable, their client id taken. */
export function isOpen(order: FakeOrder): boolean {
  return order.status === "NEW" || order.status === "PARTIALLY_FILLED";
}
