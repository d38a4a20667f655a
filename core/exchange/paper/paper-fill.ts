import type { Prisma } from "../../../generated/prisma/client.ts";
import { Decimal, dec } from "../../platform/decimal.ts";
import { AppError } from "../../platform/errors.ts";
import type { OrderSide } from "../exchange.ts";

type Tx = Prisma.TransactionClient;

/** The simulated taker fee of a paper fill: Binance USDⓈ-M's base rate. */
export const PAPER_TAKER_FEE_RATE = new Decimal("0.0005");
/** The simulated fee of a resting limit the price came to: Binance USDⓈ-M's base maker rate. */
export const PAPER_MAKER_FEE_RATE = new Decimal("0.0002");

export interface PaperFillRequest {
  symbol: string;
  side: OrderSide;
  amount: Decimal;
  reduceOnly: boolean;
  /** A resting limit's fill: its margin was checked when it was placed, as a venue sets it aside then. */
  marginChecked?: boolean;
}

interface PaperPositionView {
  current: Decimal;
  leverage: number;
  entryPrice: Decimal | undefined;
  reducing: boolean;
}

export interface PaperFillResult {
  filled: Decimal;
  fee: Decimal;
}

/** Margin in use by the account's positions, and what is left of the wallet for new ones. */
export async function paperFreeBalance(
  tx: Tx,
  accountId: string,
): Promise<{ quote: string; total: Decimal; free: Decimal }> {
  const wallet = await tx.paperBalance.findUnique({ where: { accountId } });
  if (!wallet) throw new AppError("INVALID_KEY", "paper account has no balance record");
  const positions = await tx.paperPosition.findMany({ where: { accountId, NOT: { contracts: 0 } } });
  const used = positions.reduce(
    (sum, p) => sum.add(dec(p.contracts).abs().mul(dec(p.entryPrice)).div(p.leverage)),
    new Decimal(0),
  );
  const total = dec(wallet.wallet);
  return { quote: wallet.quote, total, free: Decimal.max(0, total.sub(used)) };
}

/**
 * What a venue refuses when an order is placed (or fills at once) at `price`: a reduce-only order with nothing to
 * reduce (ORDER_REJECTED), an order opening or adding more than the free margin covers (INSUFFICIENT_MARGIN).
 */
export async function admitPaperOrder(
  tx: Tx,
  accountId: string,
  req: PaperFillRequest,
  price: Decimal,
): Promise<PaperPositionView> {
  const position = await tx.paperPosition.findUnique({
    where: { accountId_symbol: { accountId, symbol: req.symbol } },
  });
  const current = position ? dec(position.contracts) : new Decimal(0);
  const leverage = position?.leverage ?? 1;
  const reducing = !current.isZero() && current.isNeg() !== (req.side === "sell");
  const view = { current, leverage, entryPrice: position ? dec(position.entryPrice) : undefined, reducing };
  if (req.reduceOnly) {
    if (!reducing) throw new AppError("ORDER_REJECTED", "reduce-only order rejected: no position to reduce");
  } else if (!reducing && !req.marginChecked) {
    const balance = await paperFreeBalance(tx, accountId);
    const margin = req.amount.mul(price).div(leverage);
    if (margin.gt(balance.free)) {
      throw new AppError(
        "INSUFFICIENT_MARGIN",
        `needs ${margin.toFixed(2)} ${balance.quote} margin, ${balance.free.toFixed(2)} free`,
      );
    }
  }
  return view;
}

/**
 * Moves the paper position by a fill at `price` inside the account's lock: realised PnL and the fee settle into
 * the wallet, as on a real venue. A reduce-only fill is capped at the position (the rest expires, as Binance
 * does) and refused when there is nothing to reduce.
 */
export async function applyPaperFill(
  tx: Tx,
  accountId: string,
  req: PaperFillRequest,
  price: Decimal,
  feeRate: Decimal,
): Promise<PaperFillResult> {
  const key = { accountId_symbol: { accountId, symbol: req.symbol } };
  const position = await admitPaperOrder(tx, accountId, req, price);
  const { current, reducing } = position;
  const direction = req.side === "buy" ? 1 : -1;
  const amount = req.reduceOnly ? Decimal.min(req.amount, current.abs()) : req.amount;

  const signed = amount.mul(direction);
  const next = current.add(signed);
  let entryPrice = position.entryPrice && !current.isZero() ? position.entryPrice : price;
  let pnl = new Decimal(0);
  if (reducing) {
    const closed = Decimal.min(amount, current.abs());
    pnl = price
      .sub(entryPrice)
      .mul(closed)
      .mul(current.isNeg() ? -1 : 1);
    if (next.isZero() || next.isNeg() !== current.isNeg()) entryPrice = price;
  } else {
    entryPrice = current.abs().mul(entryPrice).add(amount.mul(price)).div(current.abs().add(amount));
  }
  const fee = amount.mul(price).mul(feeRate);
  await tx.paperBalance.update({
    where: { accountId },
    data: { wallet: { increment: pnl.sub(fee).toString() } },
  });
  await tx.paperPosition.upsert({
    where: key,
    create: { accountId, symbol: req.symbol, contracts: next.toString(), entryPrice: entryPrice.toString() },
    update: { contracts: next.toString(), entryPrice: entryPrice.toString() },
  });
  return { filled: amount, fee };
}

/**
 * Whether a resting order fills at `price`: a stop sells below / buys above its trigger, a take-profit the other
 * way; a limit (its price kept as the trigger) buys at or below / sells at or above it.
 */
export function paperTriggers(type: string, side: string, trigger: Decimal, price: Decimal): boolean {
  if (type === "limit") return side === "buy" ? price.lte(trigger) : price.gte(trigger);
  const stop = type === "stop_loss";
  const sell = side === "sell";
  return stop === sell ? price.lte(trigger) : price.gte(trigger);
}
