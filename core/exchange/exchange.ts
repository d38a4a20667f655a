import type { Decimal } from "../platform/decimal.ts";

// The one interface every venue implements: ccxt exchanges and the paper simulator alike.
// Amounts are in the market's base units (contracts for linear USDⓈ-M markets), prices in quote.
// All money is decimal.js; implementations convert at their own boundary.

export type OrderSide = "buy" | "sell";
export type PositionSide = "long" | "short";

export interface Balance {
  quote: string;
  /** Available for new positions. */
  free: Decimal;
  /** As the venue reports it: Binance includes open positions' PnL (margin balance), Bybit and paper do not. */
  total: Decimal;
  /** Deposits plus realised PnL, without open positions' PnL, where the venue's total is not that already. */
  wallet?: Decimal;
}

export interface Position {
  symbol: string;
  side: PositionSide;
  /** Always positive. */
  contracts: Decimal;
  entryPrice: Decimal;
  markPrice?: Decimal;
  unrealizedPnl?: Decimal;
  leverage?: number;
}

export interface MarketInfo {
  symbol: string;
  base: string;
  quote: string;
  /** Smallest amount increment, as a decimal step (e.g. 0.001). */
  amountStep: Decimal;
  /** Smallest price increment. */
  priceStep: Decimal;
  minAmount?: Decimal;
  minNotional?: Decimal;
  maxLeverage?: number;
}

/**
 * "limit" is either an entry under a slippage cap (timeInForce IOC) or a resting order (GTC: an entry zone's leg, a
 * DCA safety order) that the caller watches with findOrder and cancels itself when it expires. A limit without a
 * timeInForce is refused, so nothing ever rests by accident.
 */
export type OrderType = "market" | "limit" | "take_profit" | "stop_loss";

export interface OrderRequest {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  amount: Decimal;
  /** Required for take_profit and stop_loss: the trigger (stop) price. */
  triggerPrice?: Decimal;
  /** Required for limit: the limit price, already on the market's price step. */
  price?: Decimal;
  /**
   * Required for limit. IOC: what does not fill at once is cancelled (the venue answers EXPIRED / Cancelled).
   * GTC: the order rests until it fills or is cancelled; one the price has already passed fills at once, as a taker.
   */
  timeInForce?: "IOC" | "GTC";
  reduceOnly?: boolean;
  /** Deterministic, at most 36 chars of [A-Za-z0-9_-]. */
  clientOrderId: string;
  /** Reference price for venues that cannot quote (paper). */
  referencePrice?: Decimal;
}

export type OrderStatus = "open" | "filled" | "canceled" | "rejected";

export interface OrderResult {
  exchangeOrderId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  status: OrderStatus;
  /** What the exchange reported, never what we asked for. */
  filledAmount: Decimal;
  avgPrice?: Decimal;
  /**
   * The order a conditional order became when it triggered, where the venue gives it an id of its own (Binance's
   * algo orders): the fills of the trigger carry that id.
   */
  triggeredOrderId?: string;
}

/** One execution the exchange reported on the account: ours, a trigger's, a liquidation's or the user's own. */
export interface ExchangeFill {
  /** The exchange's trade id: unique per fill. */
  id: string;
  orderId: string;
  clientOrderId?: string;
  symbol: string;
  side: OrderSide;
  amount: Decimal;
  price: Decimal;
  fee?: Decimal;
  feeCurrency?: string;
  at: Date;
  /** The venue closed the position itself (liquidation or auto-deleveraging). */
  liquidation?: boolean;
}

/** A resting order on the account, in any symbol and any of the venue's books. */
export interface OpenOrder {
  symbol: string;
  exchangeOrderId: string;
  clientOrderId?: string;
}

export type PositionMode = "one-way" | "hedge";

export interface ExchangeClient {
  readonly exchangeId: string;
  /**
   * How long after it left an order request may still be executed by the venue: our timeout plus the venue's
   * receive window (Binance's matching engine refuses a request older than recvWindow, -5028). Absent: 0.
   */
  readonly inFlightMs?: number;
  market(symbol: string): Promise<MarketInfo>;
  fetchBalance(): Promise<Balance>;
  fetchPositions(): Promise<Position[]>;
  /** Last traded price; paper falls back to the reference it is given. */
  fetchPrice(symbol: string, reference?: Decimal): Promise<Decimal>;
  /** Sets the account's leverage in the symbol, capped at the market's maximum; returns what it was set to. */
  setLeverage(symbol: string, leverage: number): Promise<number>;
  createOrder(req: OrderRequest): Promise<OrderResult>;
  /**
   * null when the exchange has no order with this client order id. A resting (GTC) limit is "open" until it is
   * done, with what has filled so far in filledAmount / avgPrice (0 / undefined before its first fill); then
   * "filled", or "canceled" (cancelled, or a reduce-only rest the venue expired) keeping what did fill.
   */
  findOrder(symbol: string, clientOrderId: string): Promise<OrderResult | null>;
  /** Idempotent. A partly filled order stays "canceled" with its filled part, which stays in the position. */
  cancelOrder(symbol: string, clientOrderId: string): Promise<void>;
  /** Cancels every open order in the symbol (TP/SL included). */
  cancelAllOrders(symbol: string): Promise<void>;
  /** Every open order on the account, in every symbol, TP/SL included. */
  fetchOpenOrders(): Promise<OpenOrder[]>;
  /**
   * The account's fills in `symbol` since `since` (inclusive), oldest first: what reconciliation reads to learn
   * about triggers, liquidations, the follower's own orders and every fill's fee.
   */
  fetchFills(symbol: string, since: Date): Promise<ExchangeFill[]>;
  /** One-way or hedge mode; Mimic trades one-way accounts only. */
  positionMode(): Promise<PositionMode>;
  /**
   * Closes the whole position in `symbol` with a reduce-only market order.
   * null when there is no position to close.
   */
  closePosition(symbol: string, clientOrderId: string, referencePrice?: Decimal): Promise<OrderResult | null>;
}

export interface ExchangeCredentials {
  apiKey: string;
  secret: string;
  password?: string;
}
