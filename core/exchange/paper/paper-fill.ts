import type { Prisma } from "../../../generated/prisma/client.ts";
import { Decimal, dec } from "../../platform/decimal.ts";
import { AppError } from "../../platform/errors.ts";
import type { OrderSide } from "../exchange.ts";

type Tx = Prisma.TransactionClient;

/** The simulated taker fee of a paper fill: Binance USDⓈ-M's base rate. */
export const PAPER_TAKER_FEE_RATE = new Decimal("0.0005");

export interface PaperFillRequest {
  symbol: string;
  side: OrderSide;
  amount: Decimal;
  reduceOnly: boolean;
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
 * Moves the paper position by a fill at `price` inside the account's lock: realised PnL and the taker fee settle
 * into the wallet, as on a real venue. A reduce-only fill is capped at the position (the rest expires, as
 * Binance does) and refused when there is nothing to reduce.
 */
export async function applyPaperFill(
  tx: Tx,
  accountId: string,
  req: PaperFillRequest,
  price: Decimal,
  feeRate: Decimal,
): Promise<PaperFillResult> {
  const key = { accountId_symbol: { accountId, symbol: req.symbol } };
  const position = await tx.paperPosition.findUnique({ where: key });
  const current = position ? dec(position.contracts) : new Decimal(0);
  const leverage = position?.leverage ?? 1;
  const direction = req.side === "buy" ? 1 : -1;
  const reducing = !current.isZero() && current.isNeg() !== direction < 0;

  let amount = req.amount;
  if (req.reduceOnly) {
    if (!reducing) throw new AppError("ORDER_REJECTED", "reduce-only order rejected: no position to reduce");
    amount = Decimal.min(amount, current.abs());
  } else if (!reducing) {
    const balance = await paperFreeBalance(tx, accountId);
    const margin = amount.mul(price).div(leverage);
    if (margin.gt(balance.free)) {
      throw new AppError(
        "INSUFFICIENT_MARGIN",
        `needs ${margin.toFixed(2)} ${balance.quote} margin, ${balance.free.toFixed(2)} free`,
      );
    }
  }

  const signed = amount.mul(direction);
  const next = current.add(signed);
  let entryPrice = position && !current.isZero() ? dec(position.entryPrice) : price;
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

/** Whether a resting TP/SL triggers at `price`: a stop sells below / buys above, a take-profit the other way. */
export function paperTriggers(type: string, side: string, trigger: Decimal, price: Decimal): boolean {
  const stop = type === "stop_loss";
  const sell = side === "sell";
  return stop === sell ? price.lte(trigger) : price.gte(trigger);
}
