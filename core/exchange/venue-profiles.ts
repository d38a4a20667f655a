import type { Dict, Exchange, Order } from "ccxt";
import type { ErrorCode } from "../platform/errors.ts";
import { binanceMarketOrder, type MarketOrder } from "./binance-market-order.ts";
import type { OrderResult } from "./exchange.ts";
import { BY_CLIENT_ID, firstFound } from "./order-lookup.ts";

/**
 * What differs between venues once ccxt has unified the rest. Only venues with a profile are supported:
 * each one has been walked through against a fake of its API.
 */
export interface VenueProfile {
  exchangeId: string;
  /** Settlement/margin currency of the supported (linear perpetual) markets. */
  settle: string;
  /** ccxt `options` beyond the shared ones (defaultType swap, ...). */
  ccxtOptions: Dict;
  /** The order with this client id in any of the venue's books (plain, conditional, history); undefined if none. */
  findByClientId(ex: Exchange, symbol: string, clientOrderId: string): Promise<Order | undefined>;
  /** Params for cancelOrder(undefined, symbol, params), tried in order until one does not raise OrderNotFound. */
  cancelByClientId(clientOrderId: string): Dict[];
  /** One cancelAllOrders call per entry: some venues keep conditional orders in a separate book. */
  cancelAllVariants: Dict[];
  /** Params of one fetchOpenOrders call without a symbol per book, to list every open order on the account. */
  openOrderVariants: Dict[];
  /** Exchange order ids of the account's liquidation orders in `symbol` since `since`, where fills do not say. */
  liquidationOrderIds?(ex: Exchange, symbol: string, since: number): Promise<Set<string>>;
  /** Whether a fill (ccxt's trade, raw fields in `info`) is a liquidation, where the fill says so itself. */
  isLiquidationFill?(info: Dict): boolean;
  /** Params of one fetchMyTrades call per kind of fill the venue lists apart, and its page size. */
  fillVariants: Dict[];
  fillsPageLimit: number;
  /** A symbol whose position list tells the account's position mode, where no call reads it directly. */
  positionModeProbeSymbol?: string;
  /** Exchange error codes (as in the response body) that decide the AppError code before ccxt's class does. */
  errorCodes: Readonly<Record<string, ErrorCode>>;
  /** Codes setLeverage answers when the leverage already is the requested one. */
  leverageUnchangedCodes: readonly string[];
  /** Codes setLeverage answers when the leverage is above what the symbol allows. */
  leverageTooHighCodes?: readonly string[];
  /** Keys ccxt caches in `options` about whichever account last used the instance; cleared on release. */
  accountScopedOptions: readonly string[];
  /**
   * Option keys a call may add that are kept across followers: what is the same for every account and costs a
   * request to learn. Every other key is put back as built when the instance is released (ccxt-venue.ts).
   */
  sharedOptions?: readonly string[];
  /**
   * A plain market order, or a limit one (an IOC capped entry, a resting GTC one), by a shorter path than ccxt's
   * createOrder, where one is worth having (the fan-out's).
   */
  marketOrder?(ex: Exchange, order: MarketOrder): Promise<OrderResult>;
  /**
   * The wallet balance (without open positions' PnL) in the raw balance answer, where ccxt's `total` is something
   * else: Binance's is the margin balance, wallet plus unrealised PnL.
   */
  walletBalance?(info: Dict, quote: string): string | undefined;
}

const binanceusdm: VenueProfile = {
  exchangeId: "binanceusdm",
  settle: "USDT",
  ccxtOptions: {
    defaultType: "swap",
    // The currencies endpoint is spot/sapi and needs a key; markets are all the adapter uses.
    fetchCurrencies: false,
    // How long a signed request stays executable: after an uncertain send we wait this out before asking
    // whether the order exists, so a shorter window than ccxt's 10 s default shortens every such retry.
    recvWindow: 5_000,
    // Listing every open order at once is what panic and reconciliation mean to do (weight 40, not per symbol).
    warnOnFetchOpenOrdersWithoutSymbol: false,
  },
  // Since Dec 2025 TP/SL live in the algo-order API (ccxt routes them there: POST /fapi/v1/algoOrder with
  // clientAlgoId), and the plain order endpoints do not see them: look in both books.
  findByClientId: (ex, symbol, id) =>
    firstFound([
      () => ex.fetchOrder(BY_CLIENT_ID, symbol, { clientOrderId: id }),
      () => ex.fetchOrder(BY_CLIENT_ID, symbol, { clientOrderId: id, trigger: true }),
    ]),
  cancelByClientId: (id) => [{ clientOrderId: id }, { clientOrderId: id, trigger: true }],
  cancelAllVariants: [{}, { trigger: true }],
  openOrderVariants: [{}, { trigger: true }],
  fillVariants: [{}],
  fillsPageLimit: 1000,
  // userTrades does not flag liquidations; forceOrders lists them (as orders named "autoclose-...").
  liquidationOrderIds: async (ex, symbol, since) => {
    const liquidations = await ex.fetchMyLiquidations(symbol, since);
    return new Set(liquidations.map((l) => String((l.info as Dict).orderId ?? "")).filter((id) => id !== ""));
  },
  errorCodes: {
    "-2019": "INSUFFICIENT_MARGIN",
    "-2018": "INSUFFICIENT_MARGIN",
    "-2028": "INSUFFICIENT_MARGIN",
    "-4164": "BELOW_MINIMUM",
    "-1013": "BELOW_MINIMUM",
    "-4003": "BELOW_MINIMUM",
    "-4004": "BELOW_MINIMUM",
    "-1121": "UNKNOWN_MARKET",
    "-1122": "UNKNOWN_MARKET",
    "-2015": "INVALID_KEY",
    "-2014": "INVALID_KEY",
    "-2008": "INVALID_KEY",
    "-1022": "INVALID_KEY",
    "-1002": "INVALID_KEY",
    "-1003": "RATE_LIMITED",
    "-1015": "RATE_LIMITED",
    "-2022": "ORDER_REJECTED",
    "-4015": "ORDER_REJECTED",
    // "Order would immediately trigger": the TP/SL level has already been crossed.
    "-2021": "WOULD_TRIGGER",
    // "ClientOrderId is duplicated": an open order already carries this id, so an earlier attempt landed.
    "-4116": "CONFLICT",
    "-4028": "BAD_REQUEST",
  },
  leverageUnchangedCodes: [],
  // "Leverage is not valid": above the symbol's bracket.
  leverageTooHighCodes: ["-4028"],
  // Once set, ccxt reads a later -2015 as a temporary ban (DDoSProtection) instead of a bad key. The per-instance
  // leverage brackets cache is left alone: it only feeds maintenance-margin estimates we do not use.
  accountScopedOptions: ["hasAlreadyAuthenticatedSuccessfully"],
  // The leverage brackets table (GET leverageBracket) that every fetchPositions loads first: it only feeds
  // maintenance-margin estimates we do not use, and reloading it per follower doubled reconciliation's requests.
  sharedOptions: ["leverageBrackets"],
  marketOrder: binanceMarketOrder,
  // fapi/v3/account: {assets: [{asset, walletBalance, marginBalance, ...}]}.
  walletBalance: (info, quote) => {
    const assets = Array.isArray(info.assets) ? (info.assets as Dict[]) : [];
    const wallet = assets.find((a) => a.asset === quote)?.walletBalance;
    return typeof wallet === "string" ? wallet : undefined;
  },
};

const bybit: VenueProfile = {
  exchangeId: "bybit",
  settle: "USDT",
  ccxtOptions: {
    defaultType: "swap",
    fetchMarkets: { types: ["linear"] },
    // ccxt otherwise asks the account (user/query-api) once per instance and caches the answer in options,
    // which on a pooled instance would leak one follower's account type to the next. Bybit has moved every
    // account to the unified trading account, so pin it.
    enableUnifiedAccount: true,
    enableUnifiedMargin: false,
    unifiedMarginStatus: 6,
  },
  // ccxt's bybit fetchOrder cannot search by orderLinkId alone (it dereferences the missing order id when
  // nothing matches), so search the open book, the open conditional book, then recent history.
  findByClientId: (ex, symbol, id) =>
    firstFound([
      async () => (await ex.fetchOpenOrders(symbol, undefined, undefined, { orderLinkId: id }))[0],
      async () => (await ex.fetchOpenOrders(symbol, undefined, undefined, { orderLinkId: id, trigger: true }))[0],
      async () => (await ex.fetchCanceledAndClosedOrders(symbol, undefined, undefined, { orderLinkId: id }))[0],
    ]),
  cancelByClientId: (id) => [{ orderLinkId: id }],
  cancelAllVariants: [{}],
  // Without a symbol Bybit wants the settle coin, and then lists every kind of open order, conditional ones too.
  openOrderVariants: [{ settleCoin: "USDT" }],
  // ccxt asks for execType Trade by default: liquidations are listed apart, as BustTrade. 100 is the page maximum.
  fillVariants: [{}, { execType: "BustTrade" }],
  fillsPageLimit: 100,
  isLiquidationFill: (info) => info.execType === "BustTrade",
  // Asked without a symbol Bybit lists only non-zero positions; with one, flat rows too, with their positionIdx.
  positionModeProbeSymbol: "BTC/USDT:USDT",
  errorCodes: {
    "10003": "INVALID_KEY",
    "10004": "INVALID_KEY",
    "10005": "INVALID_KEY",
    "10007": "INVALID_KEY",
    "33004": "INVALID_KEY",
    "10006": "RATE_LIMITED",
    "10018": "RATE_LIMITED",
    "110004": "INSUFFICIENT_MARGIN",
    "110007": "INSUFFICIENT_MARGIN",
    "110012": "INSUFFICIENT_MARGIN",
    "110044": "INSUFFICIENT_MARGIN",
    "110045": "INSUFFICIENT_MARGIN",
    "110094": "BELOW_MINIMUM",
    "170136": "BELOW_MINIMUM",
    "110017": "ORDER_REJECTED",
    // "expect Rising/Falling, but trigger_price ... current": the TP/SL level has already been crossed.
    "110092": "WOULD_TRIGGER",
    "110093": "WOULD_TRIGGER",
    "110072": "CONFLICT",
  },
  leverageUnchangedCodes: ["110043"],
  accountScopedOptions: [],
};

export const venueProfiles: ReadonlyMap<string, VenueProfile> = new Map(
  [binanceusdm, bybit].map((p) => [p.exchangeId, p]),
);
