import type { Prisma } from "../../generated/prisma/client.ts";
import type { DbClient } from "../platform/db-client.ts";
import { Decimal, dec } from "../platform/decimal.ts";
import { AppError } from "../platform/errors.ts";
import { closeWholePosition } from "./close-whole-position.ts";
import type {
  Balance,
  ExchangeClient,
  MarketInfo,
  OrderRequest,
  OrderResult,
  OrderSide,
  Position,
} from "./exchange.ts";

type Tx = Prisma.TransactionClient;

// Paper markets accept any unified symbol with fine-grained steps, so sizing maths matches live venues
// without pretending to know each market's real filters.
const AMOUNT_STEP = new Decimal("0.000001");
const PRICE_STEP = new Decimal("0.00000001");

export interface PaperExchangeDeps {
  db: DbClient;
  /** Operator-configured prices (PAPER_PRICES); they win over the signal's reference price. */
  prices?: Record<string, string>;
}

/**
 * A dry-run venue: balance, positions and orders live in Postgres so every worker process sees one account.
 * Market orders fill at once at the configured price or the caller's reference price.
 */
export function createPaperExchange(accountId: string, deps: PaperExchangeDeps): ExchangeClient {
  const { db } = deps;

  const priceFor = (symbol: string, reference?: Decimal): Decimal => {
    const configured = deps.prices?.[symbol];
    if (configured) return dec(configured);
    if (reference?.gt(0)) return reference;
    throw new AppError("NO_PRICE", `paper trading has no price for ${symbol}: send "price" in the signal`);
  };

  // Serialises everything that touches one paper account, across processes.
  const locked = <T>(fn: (tx: Tx) => Promise<T>) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${accountId}))`;
      return fn(tx);
    });

  const toResult = (o: {
    id: string;
    clientOrderId: string;
    symbol: string;
    side: string;
    status: string;
    filledAmount: { toString(): string };
    avgPrice: { toString(): string } | null;
  }): OrderResult => ({
    exchangeOrderId: o.id,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side as OrderSide,
    status: o.status as OrderResult["status"],
    filledAmount: dec(o.filledAmount),
    avgPrice: o.avgPrice ? dec(o.avgPrice) : undefined,
  });

  const readBalance = async (tx: Tx | DbClient): Promise<Balance> => {
    const wallet = await tx.paperBalance.findUnique({ where: { accountId } });
    if (!wallet) throw new AppError("INVALID_KEY", "paper account has no balance record");
    const positions = await tx.paperPosition.findMany({ where: { accountId, NOT: { contracts: 0 } } });
    const used = positions.reduce(
      (sum, p) => sum.add(dec(p.contracts).abs().mul(dec(p.entryPrice)).div(p.leverage)),
      new Decimal(0),
    );
    const total = dec(wallet.wallet);
    return { quote: wallet.quote, total, free: Decimal.max(0, total.sub(used)) };
  };

  const fill = async (tx: Tx, req: OrderRequest, price: Decimal): Promise<void> => {
    const position = await tx.paperPosition.findUnique({
      where: { accountId_symbol: { accountId, symbol: req.symbol } },
    });
    const current = position ? dec(position.contracts) : new Decimal(0);
    const leverage = position?.leverage ?? 1;
    const signed = req.side === "buy" ? req.amount : req.amount.neg();
    const reducing = !current.isZero() && current.isNeg() !== signed.isNeg();

    if (req.reduceOnly && (!reducing || signed.abs().gt(current.abs()))) {
      throw new AppError("ORDER_REJECTED", "reduce-only order would open or flip a position");
    }
    if (!reducing) {
      const balance = await readBalance(tx);
      const margin = req.amount.mul(price).div(leverage);
      if (margin.gt(balance.free)) {
        throw new AppError(
          "INSUFFICIENT_MARGIN",
          `needs ${margin.toFixed(2)} ${balance.quote} margin, ${balance.free.toFixed(2)} free`,
        );
      }
    }

    const next = current.add(signed);
    let entryPrice = position ? dec(position.entryPrice) : price;
    if (reducing) {
      const closed = Decimal.min(signed.abs(), current.abs());
      const pnl = price
        .sub(entryPrice)
        .mul(closed)
        .mul(current.isNeg() ? -1 : 1);
      await tx.paperBalance.update({ where: { accountId }, data: { wallet: { increment: pnl.toString() } } });
      if (next.isZero() || next.isNeg() !== current.isNeg()) entryPrice = price;
    } else {
      entryPrice = current.abs().mul(entryPrice).add(req.amount.mul(price)).div(current.abs().add(req.amount));
    }
    await tx.paperPosition.upsert({
      where: { accountId_symbol: { accountId, symbol: req.symbol } },
      create: { accountId, symbol: req.symbol, contracts: next.toString(), entryPrice: entryPrice.toString() },
      update: { contracts: next.toString(), entryPrice: entryPrice.toString() },
    });
  };

  const createOrder = (req: OrderRequest): Promise<OrderResult> =>
    locked(async (tx) => {
      // Like a real venue that remembers client order ids: a resend returns the first order, never a second fill.
      const prior = await tx.paperOrder.findUnique({
        where: { accountId_clientOrderId: { accountId, clientOrderId: req.clientOrderId } },
      });
      if (prior) return toResult(prior);
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
      if (req.type !== "market") {
        // Conditional orders rest until cancelled; paper trading does not trigger them.
        if (!req.triggerPrice) throw new AppError("ORDER_REJECTED", `${req.type} needs a trigger price`);
        const order = await tx.paperOrder.create({
          data: { ...base, triggerPrice: req.triggerPrice.toString(), status: "open", filledAmount: "0" },
        });
        return toResult(order);
      }

      const price = priceFor(req.symbol, req.referencePrice);
      await fill(tx, req, price);
      const order = await tx.paperOrder.create({
        data: { ...base, status: "filled", filledAmount: req.amount.toString(), avgPrice: price.toString() },
      });
      return toResult(order);
    });

  const fetchPositions = async (): Promise<Position[]> => {
    const rows = await db.paperPosition.findMany({ where: { accountId, NOT: { contracts: 0 } } });
    return rows.map((p) => {
      const contracts = dec(p.contracts);
      const markPrice = deps.prices?.[p.symbol] ? dec(deps.prices[p.symbol] as string) : undefined;
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
    });
  };

  return {
    exchangeId: "paper",
    async market(symbol): Promise<MarketInfo> {
      const [pair = "", settle] = symbol.split(":");
      const [base, quote] = pair.split("/");
      if (!base || !quote) throw new AppError("UNKNOWN_MARKET", `paper trading cannot read the symbol ${symbol}`);
      return { symbol, base, quote: settle ?? quote, amountStep: AMOUNT_STEP, priceStep: PRICE_STEP };
    },
    fetchBalance: () => readBalance(db),
    fetchPositions,
    async fetchPrice(symbol, reference) {
      return priceFor(symbol, reference);
    },
    async setLeverage(symbol, leverage) {
      await db.paperPosition.upsert({
        where: { accountId_symbol: { accountId, symbol } },
        create: { accountId, symbol, contracts: "0", entryPrice: "0", leverage },
        update: { leverage },
      });
    },
    createOrder,
    async findOrder(_symbol, clientOrderId) {
      const order = await db.paperOrder.findUnique({
        where: { accountId_clientOrderId: { accountId, clientOrderId } },
      });
      return order ? toResult(order) : null;
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
    closePosition: (symbol, clientOrderId, referencePrice) =>
      closeWholePosition({ fetchPositions, createOrder }, symbol, clientOrderId, referencePrice),
  };
}
