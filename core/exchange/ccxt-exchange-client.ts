import { type Dict, type Exchange, type Order, OrderNotFound, type Trade } from "ccxt";
import { type Decimal, dec } from "../platform/decimal.ts";
import { AppError, isAppError } from "../platform/errors.ts";
import type { CcxtVenue } from "./ccxt-venue.ts";
import { closeWholePosition } from "./close-whole-position.ts";
import type {
  Balance,
  ExchangeClient,
  ExchangeCredentials,
  ExchangeFill,
  MarketInfo,
  OpenOrder,
  OrderRequest,
  OrderResult,
  Position,
  PositionMode,
} from "./exchange.ts";
import { decOf } from "./map-ccxt-market.ts";
import { type OrderFallback, toOrderResult } from "./map-ccxt-order.ts";
import { toPositions } from "./map-ccxt-position.ts";
import { BY_CLIENT_ID } from "./order-lookup.ts";

/** An account's view of a venue: just credentials and a reference to the shared venue, no ccxt instance. */
export class CcxtExchangeClient implements ExchangeClient {
  readonly exchangeId: string;
  // A private field, so the key never shows up when the client object is logged or serialised.
  readonly #credentials: ExchangeCredentials;

  constructor(
    private readonly venue: CcxtVenue,
    credentials: ExchangeCredentials,
  ) {
    this.exchangeId = venue.profile.exchangeId;
    this.#credentials = credentials;
  }

  get inFlightMs(): number {
    return this.venue.inFlightMs;
  }

  market(symbol: string): Promise<MarketInfo> {
    return this.venue.marketInfo(symbol);
  }

  fetchBalance(): Promise<Balance> {
    const quote = this.venue.profile.settle;
    const { walletBalance } = this.venue.profile;
    return this.run("fetchBalance", async (ex) => {
      const answer = await ex.fetchBalance();
      const entry = answer[quote];
      const raw = walletBalance?.(answer.info as Dict, quote);
      const wallet = raw !== undefined && Number.isFinite(Number(raw)) ? dec(raw) : undefined;
      return { quote, free: decOf(entry?.free) ?? dec(0), total: decOf(entry?.total) ?? dec(0), wallet };
    });
  }

  fetchPositions(): Promise<Position[]> {
    return this.run("fetchPositions", async (ex) => toPositions(await ex.fetchPositions()));
  }

  fetchPrice(symbol: string): Promise<Decimal> {
    return this.venue.lastPrice(symbol);
  }

  async setLeverage(symbol: string, leverage: number): Promise<number> {
    const market = await this.venue.marketInfo(symbol);
    const target = Math.min(leverage, market.maxLeverage ?? leverage, this.venue.maxLeverage.get(symbol) ?? leverage);
    const key = `${this.#credentials.apiKey}|${symbol}`;
    if (this.venue.knownLeverage.get(key) === target) return target;
    try {
      await this.run("setLeverage", (ex) => ex.setLeverage(target, symbol));
    } catch (err) {
      const code = isAppError(err) ? err.details?.exchangeCode : undefined;
      const { profile } = this.venue;
      if (typeof code === "string" && profile.leverageTooHighCodes?.includes(code))
        return this.capLeverage(symbol, target, err);
      if (typeof code !== "string" || !profile.leverageUnchangedCodes.includes(code)) throw err;
    }
    this.venue.knownLeverage.set(key, target);
    return target;
  }

  /**
   * Binance lists no leverage limit with its markets: it is in the (signed) leverage brackets. Asked only when a
   * leverage is refused, then remembered per symbol, so a 75x signal on a 20x market trades at 20x.
   */
  private async capLeverage(symbol: string, refused: number, err: unknown): Promise<number> {
    const tiers = await this.run("fetchMarketLeverageTiers", (ex) => ex.fetchMarketLeverageTiers(symbol));
    const max = Math.max(0, ...tiers.map((t) => Number(t.maxLeverage ?? 0)));
    if (!max || max >= refused) throw err;
    this.venue.maxLeverage.set(symbol, max);
    return this.setLeverage(symbol, max);
  }

  async createOrder(req: OrderRequest): Promise<OrderResult> {
    await this.venue.marketInfo(req.symbol);
    const params: Dict = { clientOrderId: req.clientOrderId };
    if (req.reduceOnly) params.reduceOnly = true;
    const limit = req.type === "limit";
    if (limit && (!req.price || (req.timeInForce !== "IOC" && req.timeInForce !== "GTC"))) {
      // Only a caller that watches a resting order may place one: it has to say GTC.
      throw new AppError("BAD_REQUEST", "a limit order needs a price and timeInForce IOC or GTC");
    }
    if (!limit && req.type !== "market" && !req.triggerPrice) {
      throw new AppError("BAD_REQUEST", `a ${req.type} order needs a triggerPrice`);
    }
    const fallback: OrderFallback = { symbol: req.symbol, side: req.side, clientOrderId: req.clientOrderId };
    return this.run("createOrder", async (ex) => {
      const amount = ex.amountToPrecision(req.symbol, req.amount.toFixed());
      if (!amount || !dec(amount).gt(0)) {
        throw new AppError("BELOW_MINIMUM", `${req.amount.toFixed()} rounds to nothing on ${req.symbol}`);
      }
      if (req.triggerPrice) {
        // ccxt turns a market order with one of these into STOP_MARKET / TAKE_PROFIT_MARKET (Binance: algo order).
        const trigger = ex.priceToPrecision(req.symbol, req.triggerPrice.toFixed());
        params[req.type === "take_profit" ? "takeProfitPrice" : "stopLossPrice"] = trigger;
      }
      // On the market's price step, as trigger prices are: an IOC entry's is already (rounded within its cap).
      const price = limit && req.price ? ex.priceToPrecision(req.symbol, req.price.toFixed()) : undefined;
      const timeInForce = price ? req.timeInForce : undefined;
      const { marketOrder } = this.venue.profile;
      if (marketOrder && !req.triggerPrice) {
        return marketOrder(ex, {
          symbol: req.symbol,
          side: req.side,
          amount,
          clientOrderId: req.clientOrderId,
          reduceOnly: req.reduceOnly === true,
          limitPrice: price,
          timeInForce,
        });
      }
      if (timeInForce) params.timeInForce = timeInForce;
      // The amount is already on the lot step as a string; as a number it round-trips exactly for ccxt.
      const placed = await ex.createOrder(
        req.symbol,
        price ? "limit" : "market",
        req.side,
        Number(amount),
        price ? Number(price) : undefined,
        params,
      );
      if (placed.status) return toOrderResult(placed, fallback);
      // Bybit acknowledges with ids only; ask once for the outcome, but never fail a placed order over it.
      const found = await this.lookup(ex, req.symbol, req.clientOrderId).catch(() => undefined);
      return toOrderResult(found ?? placed, fallback);
    });
  }

  findOrder(symbol: string, clientOrderId: string): Promise<OrderResult | null> {
    return this.run("findOrder", async (ex) => {
      const found = await this.lookup(ex, symbol, clientOrderId);
      return found ? toOrderResult(found, { symbol, clientOrderId }) : null;
    });
  }

  /** Idempotent: an order that is unknown or already done counts as cancelled. */
  cancelOrder(symbol: string, clientOrderId: string): Promise<void> {
    return this.run("cancelOrder", async (ex) => {
      for (const params of this.venue.profile.cancelByClientId(clientOrderId)) {
        try {
          await ex.cancelOrder(BY_CLIENT_ID, symbol, params);
          return;
        } catch (err) {
          if (!(err instanceof OrderNotFound)) throw err;
        }
      }
    });
  }

  cancelAllOrders(symbol: string): Promise<void> {
    return this.run("cancelAllOrders", async (ex) => {
      for (const params of this.venue.profile.cancelAllVariants) await ex.cancelAllOrders(symbol, { ...params });
    });
  }

  fetchOpenOrders(): Promise<OpenOrder[]> {
    return this.run("fetchOpenOrders", async (ex) => {
      const found = new Map<string, OpenOrder>();
      for (const params of this.venue.profile.openOrderVariants) {
        for (const o of await ex.fetchOpenOrders(undefined, undefined, undefined, { ...params })) {
          if (!o.symbol) continue;
          const id = String(o.id ?? "");
          found.set(id, { symbol: o.symbol, exchangeOrderId: id, clientOrderId: o.clientOrderId });
        }
      }
      return [...found.values()];
    });
  }

  fetchFills(symbol: string, since: Date): Promise<ExchangeFill[]> {
    const { profile } = this.venue;
    return this.run("fetchFills", async (ex) => {
      const trades = await fetchAllTrades(ex, symbol, since.getTime(), profile.fillVariants, profile.fillsPageLimit);
      const liquidations =
        profile.liquidationOrderIds && trades.length
          ? await profile.liquidationOrderIds(ex, symbol, since.getTime())
          : new Set<string>();
      return trades
        .map((t) => toFill(t, symbol, liquidations.has(String(t.order)) || !!profile.isLiquidationFill?.(t.info)))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
    });
  }

  positionMode(): Promise<PositionMode> {
    return this.run("positionMode", async (ex) => {
      if (ex.has.fetchPositionMode) return (await ex.fetchPositionMode()).hedged ? "hedge" : "one-way";
      // Bybit has no such call: an account in hedge mode lists its positions with positionIdx 1 and 2.
      const probe = this.venue.profile.positionModeProbeSymbol;
      const positions = await ex.fetchPositions(probe ? [probe] : undefined);
      return positions.some((p) => p.hedged === true || Number((p.info as Dict).positionIdx ?? 0) > 0)
        ? "hedge"
        : "one-way";
    });
  }

  closePosition(symbol: string, clientOrderId: string): Promise<OrderResult | null> {
    return closeWholePosition(this, symbol, clientOrderId);
  }

  private lookup(ex: Exchange, symbol: string, clientOrderId: string): Promise<Order | undefined> {
    return this.venue.profile.findByClientId(ex, symbol, clientOrderId);
  }

  private run<T>(operation: string, fn: (ex: Exchange) => Promise<T>): Promise<T> {
    return this.venue.run(this.#credentials, operation, fn);
  }
}

function toFill(t: Trade, symbol: string, liquidation: boolean): ExchangeFill {
  return {
    id: String(t.id),
    orderId: String(t.order ?? ""),
    clientOrderId: (t.info as Dict).orderLinkId || (t.info as Dict).clientOrderId || undefined,
    symbol: t.symbol ?? symbol,
    side: t.side === "sell" ? "sell" : "buy",
    amount: decOf(t.amount) ?? dec(0),
    price: decOf(t.price) ?? dec(0),
    fee: decOf(t.fee?.cost),
    feeCurrency: t.fee?.currency ?? undefined,
    at: new Date(t.timestamp ?? 0),
    liquidation,
  };
}

// A venue returns at most a page of fills per call; more than a page since the cursor is read page by page.
const MAX_FILL_PAGES = 10;

async function fetchAllTrades(
  ex: Exchange,
  symbol: string,
  since: number,
  variants: Dict[],
  limit: number,
): Promise<Trade[]> {
  const byId = new Map<string, Trade>();
  for (const params of variants) {
    let from = since;
    for (let page = 0; page < MAX_FILL_PAGES; page++) {
      const batch = await ex.fetchMyTrades(symbol, from, limit, { ...params });
      let fresh = 0;
      for (const t of batch) {
        if (byId.has(String(t.id))) continue;
        byId.set(String(t.id), t);
        fresh += 1;
      }
      if (batch.length < limit || fresh === 0) break;
      from = Math.max(...batch.map((t) => t.timestamp ?? from));
    }
  }
  return [...byId.values()];
}
