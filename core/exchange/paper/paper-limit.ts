import type { Prisma } from "../../../generated/prisma/client.ts";
import type { Decimal } from "../../platform/decimal.ts";
import type { OrderRequest } from "../exchange.ts";
import { admitPaperOrder, applyPaperFill, paperTriggers } from "./paper-fill.ts";

type Tx = Prisma.TransactionClient;

/**
 * A GTC limit on paper (an entry zone's leg, a DCA order). PaperOrder has no limit price column: the price is kept
 * in triggerPrice, and type "limit" tells it apart from a TP/SL. It is checked as a venue checks it at its own
 * price (a reduce-only one needs a position to reduce, an opening one the margin), and then:
 * - if the price (`mark`) is already through it, it fills at once at that price with the taker fee, as a
 *   marketable limit takes from the book;
 * - otherwise it rests "open" until the paper tick sees the price reach it (trigger-paper-orders.ts), and fills
 *   whole at its own price with the maker fee. Paper has no partial fills.
 */
export async function placePaperLimit(
  tx: Tx,
  accountId: string,
  req: OrderRequest & { price: Decimal },
  base: Omit<Prisma.PaperOrderUncheckedCreateInput, "status" | "filledAmount">,
  opts: { mark: Decimal | undefined; takerFeeRate: Decimal },
) {
  const fill = { symbol: req.symbol, side: req.side, amount: req.amount, reduceOnly: req.reduceOnly ?? false };
  const { mark } = opts;
  const resting = { ...base, triggerPrice: req.price.toString() };
  if (mark && paperTriggers("limit", req.side, req.price, mark)) {
    const { filled, fee } = await applyPaperFill(tx, accountId, fill, mark, opts.takerFeeRate);
    return tx.paperOrder.create({
      data: {
        ...resting,
        status: filled.eq(req.amount) ? "filled" : "expired",
        filledAmount: filled.toString(),
        avgPrice: mark.toString(),
        fee: fee.toString(),
        filledAt: new Date(),
      },
    });
  }
  await admitPaperOrder(tx, accountId, fill, req.price);
  return tx.paperOrder.create({ data: { ...resting, status: "open", filledAmount: "0" } });
}
