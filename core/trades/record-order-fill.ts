import type { OrderResult } from "../exchange/exchange.ts";
import type { DbClient } from "../platform/db-client.ts";
import { applyTradeFills, fillKind } from "./trade-store.ts";

/** An order's reported result as the trade's fill, until reconciliation reads the exchange's own fills. */
export async function recordOrderFill(
  db: DbClient,
  input: { tradeId: string; tradeSide: string; result: OrderResult; at?: Date },
) {
  const { result } = input;
  if (!result.filledAmount.gt(0) || !result.avgPrice)
    return db.trade.findUniqueOrThrow({ where: { id: input.tradeId } });
  return applyTradeFills(db, input.tradeId, [
    {
      key: `order:${result.exchangeOrderId || result.clientOrderId}`,
      exchangeOrderId: result.exchangeOrderId || result.clientOrderId,
      kind: fillKind(input.tradeSide, result.side),
      side: result.side,
      amount: result.filledAmount,
      price: result.avgPrice,
      at: input.at ?? new Date(),
    },
  ]);
}
