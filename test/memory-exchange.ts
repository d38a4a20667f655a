import type { ExchangeClient, ExchangeFill, OrderRequest, OrderResult, Position } from "../core/exchange/exchange.ts";
import { Decimal } from "../core/platform/decimal.ts";
import { AppError } from "../core/platform/errors.ts";

/**
 * A scriptable in-memory venue for unit tests of the copying logic. `faults` are consumed one per createOrder:
 * "accept-then-timeout" records the order and then throws EXCHANGE_UNCERTAIN, like a reply lost on the wire.
 */
export function createMemoryExchange(opts: { price?: string; balance?: string } = {}) {
  const orders = new Map<string, OrderResult & { req: OrderRequest }>();
  const positions = new Map<string, Position>();
  const faults: ("accept-then-timeout" | "timeout" | "rate-limit" | "reject" | "would-trigger")[] = [];
  const sent: string[] = [];
  const fills: ExchangeFill[] = [];
  // Movable, so a test can move the market past an entry's slippage cap.
  const state = { price: new Decimal(opts.price ?? "100") };

  const client: ExchangeClient = {
    exchangeId: "memory",
    async market(symbol) {
      return { symbol, base: "X", quote: "USDT", amountStep: new Decimal("0.001"), priceStep: new Decimal("0.01") };
    },
    async fetchBalance() {
      const total = new Decimal(opts.balance ?? "10000");
      return { quote: "USDT", free: total, total };
    },
    async fetchPositions() {
      return [...positions.values()];
    },
    async fetchPrice() {
      return state.price;
    },
    async setLeverage(_symbol, leverage) {
      return leverage;
    },
    async createOrder(req) {
      sent.push(req.clientOrderId);
      const fault = faults.shift();
      if (fault === "timeout") throw new AppError("EXCHANGE_UNCERTAIN", "timed out");
      if (fault === "rate-limit") throw new AppError("RATE_LIMITED", "slow down", { retryAfterMs: 30 });
      if (fault === "reject") throw new AppError("INSUFFICIENT_MARGIN", "Margin is insufficient");
      if (fault === "would-trigger") throw new AppError("WOULD_TRIGGER", "Order would immediately trigger.");
      // An IOC limit (a capped entry) fills at the price when that is within its limit, else expires unfilled; a
      // GTC one (a zone's entry, a DCA order) fills the same way when marketable, else rests.
      const limit = req.type === "limit";
      const ioc = limit && req.timeInForce !== "GTC";
      const within =
        !limit || !req.price || (req.side === "buy" ? state.price.lte(req.price) : state.price.gte(req.price));
      const filled = req.type === "market" || (limit && within);
      const price = state.price;
      const result: OrderResult = {
        exchangeOrderId: String(orders.size + 1),
        clientOrderId: req.clientOrderId,
        symbol: req.symbol,
        side: req.side,
        status: filled ? "filled" : ioc ? "canceled" : "open",
        filledAmount: filled ? req.amount : new Decimal(0),
        avgPrice: filled ? price : undefined,
      };
      orders.set(req.clientOrderId, { ...result, req });
      if (filled) {
        fills.push({
          id: `f${fills.length + 1}`,
          orderId: result.exchangeOrderId,
          clientOrderId: req.clientOrderId,
          symbol: req.symbol,
          side: req.side,
          amount: req.amount,
          price,
          fee: req.amount.mul(price).mul("0.0005"),
          feeCurrency: "USDT",
          at: new Date(),
        });
      }
      if (filled && !req.reduceOnly) {
        positions.set(req.symbol, {
          symbol: req.symbol,
          side: req.side === "buy" ? "long" : "short",
          contracts: req.amount,
          entryPrice: price,
        });
      }
      if (filled && req.reduceOnly) positions.delete(req.symbol);
      if (fault === "accept-then-timeout") throw new AppError("EXCHANGE_UNCERTAIN", "reply lost");
      return result;
    },
    async findOrder(_symbol, clientOrderId) {
      return orders.get(clientOrderId) ?? null;
    },
    async cancelOrder(_symbol, clientOrderId) {
      const o = orders.get(clientOrderId);
      if (o?.status === "open") o.status = "canceled";
    },
    async cancelAllOrders(symbol) {
      for (const o of orders.values()) if (o.symbol === symbol && o.status === "open") o.status = "canceled";
    },
    async fetchOpenOrders() {
      return [...orders.values()]
        .filter((o) => o.status === "open")
        .map((o) => ({ symbol: o.symbol, exchangeOrderId: o.exchangeOrderId, clientOrderId: o.clientOrderId }));
    },
    async fetchFills(symbol, since) {
      return fills.filter((f) => f.symbol === symbol && f.at >= since);
    },
    async positionMode() {
      return "one-way" as const;
    },
    async closePosition() {
      return null;
    },
  };
  return {
    client,
    orders,
    positions,
    faults,
    sent,
    fills,
    /** Moves the price every later order fills at (and fetchPrice answers). */
    setPrice(price: string) {
      state.price = new Decimal(price);
    },
  };
}
