import type { Prisma } from "../../generated/prisma/client.ts";
import type { DbClient } from "../platform/db-client.ts";
import { type Decimal, dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { closeWholePosition } from "./close-whole-position.ts";
import type {
  ExchangeClient,
  ExchangeFill,
  MarketInfo,
  OrderRequest,
  OrderResult,
  OrderSide,
  Position,
} from "./exchange.ts";
import { applyPaperFill, PAPER_TAKER_FEE_RATE, paperFreeBalance, paperTriggers } from "./paper/paper-fill.ts";
import { placePaperLimit } from "./paper/paper-limit.ts";
import { createPaperPrices, type PaperPrices } from "./paper/paper-prices.ts";

type Tx = Prisma.TransactionClient;

// Paper markets accept any unified symbol with fine-grained steps, so sizing maths matches live venues
// without pretending to know each market's real filters.
const AMOUNT_STEP = dec("0.000001");
const PRICE_STEP = dec("0.00000001");
const PAPER_MAX_LEVERAGE = 125;

export interface PaperExchangeDeps {
  db: DbClient;
  /**
   * The prices paper orders fill and trigger at (createPaperPrices: the live venue, PAPER_PRICES, the signal's).
   * One per process, so the live venue's back-off is shared. Without it: the signal's price only.
   */
  prices?: PaperPrices;
  takerFeeRate?: Decimal;
}

type PaperOrderRow = {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: string;
  status: string;
  filledAmount: { toString(): string };
  avgPrice: { toString(): string } | null;
};

const paperOrderResult = (o: PaperOrderRow): OrderResult => ({
  exchangeOrderId: o.id,
  clientOrderId: o.clientOrderId,
  symbol: o.symbol,
  side: o.side as OrderSide,
  status: o.status === "expired" ? "canceled" : (o.status as OrderResult["status"]),
  filledAmount: dec(o.filledAmount),
  avgPrice: o.avgPrice ? dec(o.avgPrice) : undefined,
});

/** A limit without its price or a timeInForce is refused, as the ccxt client refuses it. */
function limitPrice(req: OrderRequest): Decimal {
  if (!req.price || (req.timeInForce !== "IOC" && req.timeInForce !== "GTC")) {
    throw new AppError("BAD_REQUEST", "a limit order needs a price and timeInForce IOC or GTC");
  }
  return req.price;
}

/** Whether an IOC limit fills at `price`, the price a market order would fill at: a buy at or below its limit. */
function withinLimit(req: OrderRequest, price: Decimal): boolean {
  return paperTriggers("limit", req.side, limitPrice(req), price);
}

/** Serialises everything that touches one paper account, across processes. */
export function lockedPaperAccount<T>(db: DbClient, accountId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${accountId}))`;
    return fn(tx);
  });
}

/**
 * A dry-run venue that behaves like an exchange: balance, positions and orders live in Postgres so every worker
 * sees one account; market orders fill at the live price with a taker fee, and so do IOC limit orders (a capped
 * entry) when that price is within their limit (else they expire unfilled); TP/SL rest until the paper tick
 * (core/exchange/paper/trigger-paper-orders.ts) sees the price cross them, and one already crossed is refused;
 * GTC limits rest until the tick sees the price reach them and fill at their price (paper/paper-limit.ts).
 */
export function createPaperExchange(accountId: string, deps: PaperExchangeDeps): ExchangeClient {
  const { db } = deps;
  const prices = deps.prices ?? createPaperPrices({});
  const feeRate = deps.takerFeeRate ?? PAPER_TAKER_FEE_RATE;

  const createOrder = (req: OrderRequest): Promise<OrderResult> =>
    lockedPaperAccount(db, accountId, async (tx) => {
      // Like a real venue that remembers client order ids: a resend returns the first order, never a second fill.
      const prior = await tx.paperOrder.findUnique({
        where: { accountId_clientOrderId: { accountId, clientOrderId: req.clientOrderId } },
      });
      if (prior) return paperOrderResult(prior);
      if (req.amount.lte(0)) throw new AppError("BELOW_MINIMUM", "order amount must be positive");
      const base = {
        accountId,
        clientOrderId: req.clientOrderId,
        symbol: req.symbol,
        side: req.side,
        type: req.type,
        amount: req.amount.toString(),
        reduceOnly: req.reduceOnly ?? false,
      };
      if (req.type !== "market" && req.type !== "limit") return restConditional(tx, req, base);
      if (req.type === "limit" && req.timeInForce === "GTC") {
        const mark = (await prices.markPrice(req.symbol)) ?? req.referencePrice;
        const order = await placePaperLimit(tx, accountId, { ...req, price: limitPrice(req) }, base, {
          mark,
          takerFeeRate: feeRate,
        });
        return paperOrderResult(order);
      }

      const price = await prices.fillPrice(req.symbol, req.referencePrice);
      if (req.type === "limit" && !withinLimit(req, price)) {
        // An IOC limit the price has moved past: nothing fills and nothing rests, as a venue answers EXPIRED.
        const order = await tx.paperOrder.create({ data: { ...base, status: "expired", filledAmount: "0" } });
        return paperOrderResult(order);
      }
      const { filled, fee } = await applyPaperFill(
        tx,
        accountId,
        { ...req, reduceOnly: base.reduceOnly },
        price,
        feeRate,
      );
      const order = await tx.paperOrder.create({
        data: {
          ...base,
          status: filled.eq(req.amount) ? "filled" : "expired",
          filledAmount: filled.toString(),
          avgPrice: price.toString(),
          fee: fee.toString(),
          filledAt: new Date(),
        },
      });
      return paperOrderResult(order);
    });

  const restConditional = async (
    tx: Tx,
    req: OrderRequest,
    base: Omit<Prisma.PaperOrderUncheckedCreateInput, "status" | "filledAmount">,
  ) => {
    if (!req.triggerPrice) throw new AppError("ORDER_REJECTED", `${req.type} needs a trigger price`);
    const mark = (await prices.markPrice(req.symbol)) ?? req.referencePrice;
    if (mark && paperTriggers(req.type, req.side, req.triggerPrice, mark)) {
      throw new AppError("WOULD_TRIGGER", `order would immediately trigger: ${req.symbol} is at ${mark.toFixed()}`);
    }
    const order = await tx.paperOrder.create({
      data: { ...base, triggerPrice: req.triggerPrice.toString(), status: "open", filledAmount: "0" },
    });
    return paperOrderResult(order);
  };

  const fetchPositions = async (): Promise<Position[]> => {
    const rows = await db.paperPosition.findMany({ where: { accountId, NOT: { contracts: 0 } } });
    return Promise.all(
      rows.map(async (p): Promise<Position> => {
        const contracts = dec(p.contracts);
        const markPrice = await prices.markPrice(p.symbol);
        const entryPrice = dec(p.entryPrice);
        return {
          symbol: p.symbol,
          side: contracts.isNeg() ? "short" : "long",
          contracts: contracts.abs(),
          entryPrice,
          markPrice,
          unrealizedPnl: markPrice ? markPrice.sub(entryPrice).mul(contracts) : undefined,
          leverage: p.leverage,
        };
      }),
    );
  };

  return {
    exchangeId: "paper",
    async market(symbol): Promise<MarketInfo> {
      const [pair = "", settle] = symbol.split(":");
      const [base, quote] = pair.split("/");
      if (!base || !quote) throw new AppError("UNKNOWN_MARKET", `paper trading cannot read the symbol ${symbol}`);
      return { symbol, base, quote: settle ?? quote, amountStep: AMOUNT_STEP, priceStep: PRICE_STEP };
    },
    fetchBalance: () => paperFreeBalance(db as unknown as Tx, accountId),
    fetchPositions,
    fetchPrice: (symbol, reference) => prices.fillPrice(symbol, reference),
    async setLeverage(symbol, leverage) {
      leverage = Math.min(leverage, PAPER_MAX_LEVERAGE);
      await db.paperPosition.upsert({
        where: { accountId_symbol: { accountId, symbol } },
        create: { accountId, symbol, contracts: "0", entryPrice: "0", leverage },
        update: { leverage },
      });
      return leverage;
    },
    createOrder,
    async findOrder(_symbol, clientOrderId) {
      const order = await db.paperOrder.findUnique({
        where: { accountId_clientOrderId: { accountId, clientOrderId } },
      });
      return order ? paperOrderResult(order) : null;
    },
    async cancelOrder(_symbol, clientOrderId) {
      await db.paperOrder.updateMany({
        where: { accountId, clientOrderId, status: "open" },
        data: { status: "canceled" },
      });
    },
    async cancelAllOrders(symbol) {
      await db.paperOrder.updateMany({ where: { accountId, symbol, status: "open" }, data: { status: "canceled" } });
    },
    async fetchOpenOrders() {
      const open = await db.paperOrder.findMany({ where: { accountId, status: "open" } });
      return open.map((o) => ({ symbol: o.symbol, exchangeOrderId: o.id, clientOrderId: o.clientOrderId }));
    },
    async fetchFills(symbol, since): Promise<ExchangeFill[]> {
      const rows = await db.paperOrder.findMany({
        where: { accountId, symbol, filledAt: { gte: since }, filledAmount: { gt: 0 } },
        orderBy: { filledAt: "asc" },
      });
      return rows.map((o) => ({
        id: o.id,
        orderId: o.id,
        clientOrderId: o.clientOrderId,
        symbol: o.symbol,
        side: o.side as OrderSide,
        amount: dec(o.filledAmount),
        price: dec(o.avgPrice ?? 0),
        fee: o.fee ? dec(o.fee) : undefined,
        feeCurrency: "USDT",
        at: o.filledAt ?? o.createdAt,
      }));
    },
    async positionMode() {
      return "one-way";
    },
    closePosition: (symbol, clientOrderId, referencePrice) =>
      closeWholePosition({ fetchPositions, createOrder }, symbol, clientOrderId, referencePrice),
  };
}
